// The model list a server returns, and the "did you mean" search over it. The first part
// (up to a NUL) is the model name the user typed.
#include "core/checks/networkchecks.h"
#include "fuzzinput.h"

using namespace llmdoctor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> p = fuzz::parts(fuzz::bytes(data, size), 2);
    const QString wanted = QString::fromUtf8(p.size() > 1 ? p[0] : QByteArray("gpt-4o"));
    bool ok = false;
    const QStringList models = core::ModelCheck::parseModelList(p.last(), &ok);
    core::ModelCheck::closestModels(wanted, models);
    return 0;
}
