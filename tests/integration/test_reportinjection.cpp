// Text from servers (a status page, an error body, headers) is shown in the HTML and Markdown
// reports as text: it cannot add links, images, scripts or markup that a reader would click.
#include "support/fixtureserver.h"
#include "support/servers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace llmdoctor::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kHostile = "[click here](javascript:alert(1)) ![pixel](http://tracker.invalid/p.png) "
                            "<script>alert(2)</script> <img src=x onerror=alert(3)> **loud** `tick`";

QByteArray hostileStatusPage()
{
    QJsonObject o = QJsonDocument::fromJson(FixtureServer::fixture(u"statuspage_major.json"_s)).object();
    QJsonObject page = o[u"page"_s].toObject();
    page[u"url"_s] = u"javascript:alert(4)"_s;
    o[u"page"_s] = page;
    QJsonObject status = o[u"status"_s].toObject();
    status[u"description"_s] = QString::fromLatin1(kHostile);
    o[u"status"_s] = status;
    QJsonArray incidents = o[u"incidents"_s].toArray();
    QJsonObject first = incidents.at(0).toObject();
    first[u"name"_s] = u"[Sign in again](javascript:alert(5))"_s;
    first[u"impact"_s] = u"<b>major</b>"_s;
    incidents[0] = first;
    o[u"incidents"_s] = incidents;
    return QJsonDocument(o).toJson();
}

// The Markdown outside fenced code blocks: inside them everything is literal text already.
QString outsideCodeBlocks(const QString &markdown)
{
    QString out;
    QString fence;
    for (const QString &line : markdown.split(u'\n')) {
        static const QRegularExpression opening(u"^(`{3,})"_s);
        const auto m = opening.match(line);
        if (fence.isEmpty() && m.hasMatch()) {
            fence = m.captured(1);
            continue;
        }
        if (!fence.isEmpty()) {
            if (line.trimmed() == fence)
                fence.clear();
            continue;
        }
        out += line + u'\n';
    }
    return out;
}

} // namespace

TEST(ReportInjection, ServerTextCannotAddLinksOrMarkup)
{
    FixtureServer server;
    ASSERT_TRUE(server.start());
    FixtureServer::Route models = FixtureServer::Route::make(
        500, "application/json", "{\"error\":{\"message\":\"" + kHostile + "\",\"type\":\"server_error\"}}");
    models.extraHeaders = "x-request-id: req`](javascript:alert(6))<i>\r\n";
    server.route(u"/v1/models"_s, models);
    server.route(u"/api/v2/summary.json"_s,
                 FixtureServer::Route::make(200, "application/json", hostileStatusPage()));

    const QStringList base{u"diagnose"_s,
                           u"--provider"_s,
                           u"openai"_s,
                           u"--base-url"_s,
                           server.url(u"/v1"_s).toString(),
                           u"--proxy"_s,
                           u"none"_s,
                           u"--status-url"_s,
                           server.url(u"/api/v2/summary.json"_s).toString()};
    const CliRun md = runCli(base + QStringList{u"--format"_s, u"markdown"_s});
    ASSERT_EQ(md.exitCode, 1) << md.err.toStdString();
    const QString markdown = outsideCodeBlocks(QString::fromUtf8(md.out));
    EXPECT_TRUE(markdown.contains(u"alert(1)"_s)) << "the server's text is in the report, as text";
    // A link or image starts with an unescaped "[" or "!["; raw HTML with an unescaped "<".
    static const QRegularExpression link(u"(?<!\\\\)\\[[^\\]\\n]*(?<!\\\\)\\]\\("_s);
    EXPECT_FALSE(link.match(markdown).hasMatch()) << link.match(markdown).captured().toStdString();
    for (const char *raw : {"<script", "<img", "<b>", "javascript:alert(4)"})
        EXPECT_FALSE(QRegularExpression(u"(?<!\\\\)"_s + QRegularExpression::escape(QLatin1String(raw)))
                         .match(markdown)
                         .hasMatch())
            << raw << " unescaped";

    const CliRun html = runCli(base + QStringList{u"--format"_s, u"html"_s});
    ASSERT_EQ(html.exitCode, 1) << html.err.toStdString();
    EXPECT_TRUE(html.out.contains("alert(1)"));
    for (const char *raw : {"<script>alert", "<img src=x", "<b>major", "href=\"javascript:", "<i>"})
        EXPECT_FALSE(html.out.contains(raw)) << raw;
    static const QRegularExpression href(u"href=\"([^\"]*)\""_s);
    for (auto it = href.globalMatch(QString::fromUtf8(html.out)); it.hasNext();) {
        const QString target = it.next().captured(1);
        EXPECT_TRUE(target.startsWith(u"https://"_s) || target.startsWith(u"http://"_s) ||
                    target.startsWith(u'#'))
            << target.toStdString();
    }
}
