#include "pathcheck.h"

#include "../path/pathtracer.h"
#include "diagnosiscontext.h"

#include <QCoreApplication>
#include <QTimer>
#include <cmath>

namespace llmdoctor::core {

using namespace Qt::StringLiterals;

namespace {

QString ms(double v)
{
    return v < 0 ? u"–"_s : QString::number(v, 'f', v < 10 ? 1 : 0) + u" ms"_s;
}

} // namespace

ConnectBurstCheck::ConnectBurstCheck(QObject *parent)
    : Check(u"loss"_s, QCoreApplication::translate("Check", "Does your connection lose packets?"), {u"dns"_s},
            parent)
{
}

void ConnectBurstCheck::run()
{
    const DiagnosisContext &c = context();
    if (c.proxy.proxy) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate(
                "Check", "Not checked: connections go to your proxy, so their timing says nothing about "
                         "the way to the server.")));
        return;
    }
    if (c.addresses.isEmpty()) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate("Check", "Not checked: the server's address is not known.")));
        return;
    }
    if (c.addresses.first().isLoopback()) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate(
                "Check", "Not checked: the server runs on this computer, with no network in between.")));
        return;
    }
    m_ms.assign(connects, -1);
    m_clocks.assign(connects, QElapsedTimer());
    emit progress(QCoreApplication::translate("Check", "Opening %1 connections in a row…").arg(connects));
    launch();
}

void ConnectBurstCheck::launch()
{
    if (!isRunning())
        return;
    const DiagnosisContext &c = context();
    const int index = m_launched++;
    const quint16 port = quint16(c.target.baseUrl.port(c.target.baseUrl.scheme() == u"https" ? 443 : 80));
    auto *socket = new QTcpSocket(this);
    m_sockets.append(socket);
    ++m_open;
    m_clocks[size_t(index)].start();
    connect(socket, &QTcpSocket::connected, this, [this, index] {
        m_ms[size_t(index)] = float(double(m_clocks[size_t(index)].nsecsElapsed()) / 1e6);
        onDone(index);
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, index] {
        m_ms[size_t(index)] = -2; // refused or unreachable: the tcp check says why
        onDone(index);
    });
    // Long enough for one retransmission (1 s) on top of the usual time; later ones are not waited for.
    QTimer::singleShot(waitMs, socket, [this, index] {
        if (m_ms[size_t(index)] == -1) {
            m_ms[size_t(index)] = -3; // no answer in time: the first handshake round was lost too
            onDone(index);
        }
    });
    socket->connectToHost(c.addresses.first(), port);
    if (m_launched < connects)
        QTimer::singleShot(spacingMs, this, &ConnectBurstCheck::launch);
}

void ConnectBurstCheck::onDone(int index)
{
    if (QTcpSocket *s = m_sockets.value(index)) {
        s->disconnect(this);
        s->abort();
        s->deleteLater(); // never deleted inside its own signal
    }
    --m_open;
    if (m_open == 0 && m_launched == connects)
        finishUp();
}

void ConnectBurstCheck::finishUp()
{
    if (!isRunning())
        return;
    std::vector<float> done;
    int unfinished = 0;
    for (const float v : m_ms) {
        if (v >= 0)
            done.push_back(v);
        else if (v == -3)
            ++unfinished;
    }
    const LossEstimate e = estimateLoss(done, unfinished);
    context().connectBurst = e;
    CheckResult r;
    if (e.connects < 5) {
        r = makeResult(CheckStatus::Skip, QCoreApplication::translate(
                                              "Check", "Not enough connections succeeded to tell (%1 of %2).")
                                              .arg(e.connects)
                                              .arg(connects));
    } else if (e.lossFound()) {
        r = makeResult(
            CheckStatus::Warn,
            QCoreApplication::translate(
                "Check",
                "Your connection loses packets: %1 of %2 connections to the server had to be retried "
                "after about a second, the mark of a lost packet (about %3% of packets lost).")
                .arg(e.delayed)
                .arg(e.connects)
                .arg(std::max(1L, std::lround(e.share * 100))),
            Category::Ok);
        r.advice << u"packet_loss"_s;
    } else {
        r = makeResult(CheckStatus::Pass,
                       QCoreApplication::translate(
                           "Check", "No packet was lost: %1 connections in a row each took about %2.")
                           .arg(e.connects)
                           .arg(ms(e.baseMs)));
    }
    r.addDetail(u"connections"_s, QString::number(connects));
    r.addDetail(u"retried after a lost packet"_s, QString::number(e.delayed));
    if (unfinished > 0)
        r.addDetail(u"not connected in %1 s"_s.arg(waitMs / 1000.0), QString::number(unfinished));
    if (e.connects > 0) {
        r.addDetail(u"estimated loss"_s, u"%1%"_s.arg(QString::number(e.share * 100, 'f', 1)));
        r.timings.insert(u"connect"_s, e.baseMs);
    }
    complete(r);
}

void ConnectBurstCheck::abort()
{
    for (const QPointer<QTcpSocket> &s : std::as_const(m_sockets)) {
        if (s) {
            s->disconnect(this);
            s->abort();
        }
    }
}

PathCheck::PathCheck(QObject *parent)
    : Check(u"path"_s, QCoreApplication::translate("Check", "Where on the way are packets lost?"), {u"dns"_s},
            parent)
{
}

void PathCheck::run()
{
    const DiagnosisContext &c = context();
    if (!c.target.checkPath) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate(
                "Check", "Not checked: it takes about %1 seconds, so it only runs when you ask for it.")
                .arg(probes + 2)));
        return;
    }
    QHostAddress destination(c.target.baseUrl.host());
    if (destination.isNull() && !c.proxy.proxy && !c.addresses.isEmpty())
        destination = c.addresses.first();
    if (destination.isNull()) {
        complete(makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate(
                "Check", "Not checked: the server's address is not known (it is reached through a proxy).")));
        return;
    }
    PathOptions o;
    o.target = c.target.baseUrl.host();
    o.destination = destination;
    o.probes = probes;
    o.deadlineMs = std::max(1000, c.remainingMs() - 500);
    emit progress(QCoreApplication::translate("Check", "Following the route to the server, hop by hop…"));
    m_tracer = new PathTracer(o, this);
    connect(m_tracer, &PathTracer::progress, this, [this](const PathResult &p) {
        emit progress(QCoreApplication::translate("Check", "%1 hops found…").arg(p.hops.size()));
    });
    connect(m_tracer, &PathTracer::finished, this, &PathCheck::onDone);
    m_tracer->start();
}

void PathCheck::onDone(const PathResult &path)
{
    context().path = path;
    const PathAssessment a = assessPath(path);
    CheckResult r;
    if (path.method.isEmpty()) {
        r = makeResult(
            CheckStatus::Skip,
            QCoreApplication::translate("Check", "The route could not be followed: %1.").arg(path.error));
    } else if (a.lossFound()) {
        r = makeResult(CheckStatus::Warn, a.sentence(), Category::Ok);
        r.advice << u"packet_loss"_s;
    } else {
        r = makeResult(CheckStatus::Pass,
                       path.reached
                           ? QCoreApplication::translate("Check", "%1 hops to the server. %2")
                                 .arg(path.hops.size())
                                 .arg(a.sentence())
                           : QCoreApplication::translate(
                                 "Check",
                                 "%1 hops followed; the server itself does not answer such probes (many do "
                                 "not). %2")
                                 .arg(path.hops.size())
                                 .arg(a.sentence()));
    }
    for (const PathHop &h : path.hops) {
        r.addDetail(u"hop %1"_s.arg(h.ttl),
                    u"%1, %2% lost of %3, %4"_s.arg(h.address.isNull() ? u"*"_s : h.address.toString())
                        .arg(std::lround(h.loss() * 100))
                        .arg(h.sent)
                        .arg(ms(h.rttPercentile(50))));
    }
    r.addDetail(u"reached"_s, path.reached ? u"yes"_s : u"no"_s);
    r.addDetail(u"method"_s, path.method);
    if (!path.error.isEmpty())
        r.addDetail(u"error"_s, path.error);
    complete(r);
}

void PathCheck::abort()
{
    if (m_tracer) {
        m_tracer->disconnect(this);
        m_tracer->cancel();
    }
}

} // namespace llmdoctor::core
