#include "fixactions.h"

#include "core/checks/networkchecks.h"
#include "core/target/providercatalog.h"
#include "core/target/target.h"

#include <QDesktopServices>
#include <QFileDialog>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

namespace {

FixActions::UrlOpener &urlOpener()
{
    static FixActions::UrlOpener o;
    return o;
}

FixActions::FileChooser &fileChooser()
{
    static FixActions::FileChooser c;
    return c;
}

bool isWebAddress(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
}

// The address to use instead: the verdict's corrected address (a redirect, or the address lint),
// else where a redirect pointed. Empty when it is the one already used.
QString betterAddress(const core::Findings &findings)
{
    const core::Verdict &verdict = findings.verdict;
    QString found;
    if (verdict.category == core::Category::EndpointNotFound) {
        for (const core::Snippet &s : verdict.snippets) {
            if (s.language == u"text" && isWebAddress(s.code)) {
                found = s.code.trimmed();
                break;
            }
        }
    }
    if (found.isEmpty()) {
        for (const QString &id : {u"http"_s, u"api_key"_s, u"model"_s}) {
            if (const core::CheckResult *r = findings.check(id); r && isWebAddress(r->facts.movedTo)) {
                found = r->facts.movedTo;
                break;
            }
        }
    }
    const core::Target &target = findings.context.target;
    if (found.isEmpty() || found == core::shownUrl(target.baseUrl) || found == target.baseUrl.toString())
        return {};
    return found;
}

// The provider's models, the names closest to the one asked for first.
QStringList modelChoices(const core::Findings &findings)
{
    QStringList all;
    QStringList close;
    for (const core::CheckResult &r : findings.checks) {
        close += r.facts.closeModels;
        all += r.facts.models;
    }
    const auto &list = findings.context.modelList;
    if (all.isEmpty() && list && list->response && list->response->status / 100 == 2)
        all = core::ModelCheck::parseModelList(list->response->body); // the run read it for another check
    if (all.isEmpty()) {
        // Findings from before the facts carried the list: the names the model check showed.
        if (const core::CheckResult *r = findings.check(u"model"_s)) {
            for (const QString &name : r->detail(u"models offered"_s).split(u", "_s, Qt::SkipEmptyParts)) {
                if (name != u"…")
                    all << name;
            }
        }
    }
    QStringList out;
    for (const QString &name : std::as_const(close) + all) {
        if (!out.contains(name))
            out << name;
    }
    return out;
}

// The proxy is to blame, or could not even be reached: the name lookup and the connection go to
// the proxy when one is used.
bool proxyInTheWay(const core::Findings &findings)
{
    const core::Verdict &verdict = findings.verdict;
    if (verdict.blame == core::Blame::Proxy || verdict.category == core::Category::ProxyError)
        return true;
    static const QList<core::Category> unreachable{
        core::Category::DnsFailure, core::Category::ConnectionRefused, core::Category::ConnectTimeout};
    return findings.context.proxy.proxy.has_value() && unreachable.contains(verdict.category) &&
           (verdict.decidedBy == u"dns" || verdict.decidedBy == u"tcp");
}

bool providerSide(const core::Verdict &verdict)
{
    return verdict.category == core::Category::ProviderOutage || verdict.blame == core::Blame::Provider;
}

QString statusPageUrl(const core::Findings &findings, const std::optional<core::Provider> &provider)
{
    if (findings.context.statusPage && isWebAddress(findings.context.statusPage->pageUrl))
        return findings.context.statusPage->pageUrl;
    if (const core::CheckResult *r = findings.check(u"status_page"_s);
        r && isWebAddress(r->detail(u"status page"_s)))
        return r->detail(u"status page"_s);
    if (provider && isWebAddress(provider->statusPage))
        return provider->statusPage;
    return {};
}

} // namespace

QStringList FixActions::modelsRead(const core::Findings &findings)
{
    return modelChoices(findings);
}

QList<Fix> FixActions::forFindings(const core::Findings &findings)
{
    const core::Verdict &verdict = findings.verdict;
    const core::Target &target = findings.context.target;
    const auto provider = core::ProviderCatalog::instance().find(target.provider);
    QList<Fix> fixes;
    if (verdict.category == core::Category::Ok || verdict.category == core::Category::Cancelled)
        return fixes;

    if (const QString address = betterAddress(findings); !address.isEmpty())
        fixes.append({Fix::Kind::UseAddress, address, {}});
    if (verdict.category == core::Category::ModelNotFound) {
        if (const QStringList models = modelChoices(findings); !models.isEmpty())
            fixes.append({Fix::Kind::ChooseModel, target.model, models});
    }
    if (verdict.category == core::Category::AuthMissingKey ||
        verdict.category == core::Category::AuthInvalidKey) {
        if (provider && isWebAddress(provider->keysUrl))
            fixes.append({Fix::Kind::OpenKeyPage, provider->keysUrl, {}});
    }
    if (verdict.category == core::Category::TlsUntrusted)
        fixes.append({Fix::Kind::ChooseCaFile, target.caFile, {}});
    if (proxyInTheWay(findings)) {
        // The setting in use is not offered again.
        if (target.proxy.mode != core::ProxyChoice::Mode::System)
            fixes.append({Fix::Kind::UseSystemProxy, {}, {}});
        if (target.proxy.mode != core::ProxyChoice::Mode::None)
            fixes.append({Fix::Kind::GoDirect, {}, {}});
    }
    if (providerSide(verdict)) {
        if (const QString page = statusPageUrl(findings, provider); !page.isEmpty())
            fixes.append({Fix::Kind::OpenStatusPage, page, {}});
    }
    return fixes;
}

QPair<QString, QString> FixActions::firstRequestId(const core::Findings &findings)
{
    for (const auto &id : findings.requestIds) {
        if (!id.second.trimmed().isEmpty())
            return id;
    }
    return {};
}

double FixActions::retryAfterSeconds(const core::Findings &findings)
{
    for (const QString &id : {u"http"_s, u"api_key"_s}) {
        if (const core::CheckResult *r = findings.check(id); r && r->facts.retryAfterS >= 0)
            return r->facts.retryAfterS;
    }
    for (const core::CheckResult &r : findings.checks) {
        if (r.facts.retryAfterS >= 0)
            return r.facts.retryAfterS;
    }
    return -1;
}

void FixActions::setUrlOpener(UrlOpener opener)
{
    urlOpener() = std::move(opener);
}

bool FixActions::openUrl(const QUrl &url)
{
    if (!url.isValid())
        return false;
    return urlOpener() ? urlOpener()(url) : QDesktopServices::openUrl(url);
}

void FixActions::setFileChooser(FileChooser chooser)
{
    fileChooser() = std::move(chooser);
}

void FixActions::chooseFile(QWidget *parent, const QString &caption, const QString &dir,
                            const QString &filter, const std::function<void(const QString &path)> &done)
{
    if (fileChooser()) {
        if (const QString path = fileChooser()(parent, caption, dir, filter); !path.isEmpty())
            done(path);
        return;
    }
    // Asynchronous: no nested event loop while a retry may run behind the page.
    auto *dialog = new QFileDialog(parent, caption, dir, filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, [done](const QString &path) {
        if (!path.isEmpty())
            done(path);
    });
    dialog->open();
}

} // namespace llmdoctor::ui
