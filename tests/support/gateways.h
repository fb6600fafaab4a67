#pragma once

#include "servers.h"

#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace llmdoctor::test {

// A real proxy of the test's own (nginx, HAProxy or squid), run in the foreground as the current
// user on a free port of 127.0.0.1, with its configuration, pid file, logs and temporary files in
// a temporary folder, and stopped when this object dies. The caller writes only the part of the
// configuration that the scenario is about; "{port}" and "{dir}" in it are filled in.
class GatewayServer final
{
public:
    enum class Kind
    {
        Nginx,   // config: the inside of the server block (locations, keepalive_timeout, ...)
        Haproxy, // config: the backend "be" that the frontend on {port} sends everything to
        Squid    // config: acl, auth_param and http_access lines
    };
    explicit GatewayServer(Kind kind);
    ~GatewayServer();
    GatewayServer(const GatewayServer &) = delete;
    GatewayServer &operator=(const GatewayServer &) = delete;

    static QString programName(Kind kind); // "nginx", "haproxy", "squid"
    bool start(const QString &config, QString *error);
    quint16 port() const { return m_port; }
    QString dir() const { return m_dir.path(); }
    // http://127.0.0.1:<port><path>
    QUrl url(const QString &path = QString()) const;
    // The server's own log (nginx's error log, squid's cache log, HAProxy's output).
    QString log() const;

private:
    QString fill(QString text) const;
    QString squidServiceName() const;
    bool write(const QString &name, const QString &text, QString *error) const;

    Kind m_kind;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    ServerProcess m_process;
};

} // namespace llmdoctor::test
