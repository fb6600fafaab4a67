// Every status page parser over one body, and the merge and assessment steps after them.
#include "core/statuspage/statussnapshot.h"
#include "fuzzinput.h"

using namespace llmdoctor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const QStringList patterns{QStringLiteral("API"), QStringLiteral("Chat Completions")};
    QString error;
    core::detectStatusPlatform(input);
    for (auto parse :
         {core::parseStatusAnswer, core::parseStatuspageSummary, core::parseBetterStack, core::parseRootly}) {
        if (auto snapshot = parse(input, &error)) {
            core::assessStatus(*snapshot, patterns);
            snapshot->toJson();
        }
    }
    core::StatusSnapshot snapshot;
    core::mergeStatuspageIncidents(snapshot, input, &error);
    core::mergeStatuspageMaintenances(snapshot, input, &error);
    core::assessStatus(snapshot, patterns);
    for (const auto &c : snapshot.components)
        core::plainComponentStatus(c.status);
    return 0;
}
