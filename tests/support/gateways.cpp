#include "gateways.h"

#include <QDir>
#include <QFile>
#include <unistd.h>

namespace llmdoctor::test {

using namespace Qt::StringLiterals;

GatewayServer::GatewayServer(Kind kind) : m_kind(kind)
{
    m_port = freePort();
}

GatewayServer::~GatewayServer()
{
    // Squid takes about 2 s to shut down even with shutdown_lifetime 0; nothing of it needs to
    // survive the test, and its helpers end when their input closes. Killed, it leaves its
    // shared memory segments behind: they carry this instance's own name, so remove them.
    if (m_kind == Kind::Squid) {
        m_process.kill();
        const QDir shm(u"/dev/shm"_s);
        for (const QString &name : shm.entryList({squidServiceName() + u"-*"_s}, QDir::Files))
            QFile::remove(shm.filePath(name));
    }
}

QString GatewayServer::squidServiceName() const
{
    return u"llmdoctortest%1"_s.arg(m_port);
}

QString GatewayServer::programName(Kind kind)
{
    switch (kind) {
    case Kind::Nginx:
        return u"nginx"_s;
    case Kind::Haproxy:
        return u"haproxy"_s;
    case Kind::Squid:
        return u"squid"_s;
    }
    return {};
}

QUrl GatewayServer::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
}

QString GatewayServer::fill(QString text) const
{
    return text.replace(u"{port}"_s, QString::number(m_port)).replace(u"{dir}"_s, m_dir.path());
}

bool GatewayServer::write(const QString &name, const QString &text, QString *error) const
{
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0) {
        *error = u"cannot write %1: %2"_s.arg(f.fileName(), f.errorString());
        return false;
    }
    return true;
}

bool GatewayServer::start(const QString &config, QString *error)
{
    const QString program = findServerBinary(programName(m_kind));
    if (program.isEmpty()) {
        *error = programName(m_kind) + u" is not installed"_s;
        return false;
    }
    if (!m_dir.isValid() || m_port == 0) {
        *error = u"no temporary folder or no free port"_s;
        return false;
    }
    const bool root = ::geteuid() == 0;
    QString conf;
    QStringList args;
    switch (m_kind) {
    case Kind::Nginx:
        // As root, nginx would hand its workers to "nobody", who cannot use this folder: keep
        // them as the current user. Otherwise the user directive only earns a warning: leave it out.
        conf = (root ? u"user root;\n"_s : QString()) +
               u"worker_processes 1;\n"
               "pid {dir}/nginx.pid;\n"
               "error_log {dir}/error.log info;\n"
               "events { worker_connections 64; }\n"
               "http {\n"
               "  access_log {dir}/access.log;\n"
               "  client_body_temp_path {dir}/client_body;\n"
               "  proxy_temp_path {dir}/proxy;\n"
               "  fastcgi_temp_path {dir}/fastcgi;\n"
               "  uwsgi_temp_path {dir}/uwsgi;\n"
               "  scgi_temp_path {dir}/scgi;\n"
               "  server {\n"
               "    listen 127.0.0.1:{port};\n"_s +
               config +
               u"\n  }\n"
               "}\n"_s;
        // -e: the error log before the configuration is read, instead of /var/log/nginx.
        args = {u"-p"_s, dir(),
                u"-e"_s, m_dir.filePath(u"error.log"_s),
                u"-c"_s, m_dir.filePath(u"nginx.conf"_s),
                u"-g"_s, u"daemon off;"_s};
        if (!write(u"nginx.conf"_s, fill(conf), error))
            return false;
        break;
    case Kind::Haproxy:
        conf = u"global\n"
               "  maxconn 256\n"
               "defaults\n"
               "  mode http\n"
               "  timeout connect 1s\n"
               "  timeout client 5s\n"
               "  timeout server 5s\n"
               "frontend fe\n"
               "  bind 127.0.0.1:{port}\n"
               "  default_backend be\n"_s +
               config + u"\n"_s;
        args = {u"-db"_s, u"-f"_s, m_dir.filePath(u"haproxy.cfg"_s)}; // -db: foreground, no daemon
        if (!write(u"haproxy.cfg"_s, fill(conf), error))
            return false;
        break;
    case Kind::Squid:
        // Squid started as root works as its own user ("proxy"): it must be able to write here.
        if (root)
            QFile::setPermissions(dir(), QFileDevice::Permissions(0x7777));
        conf = u"http_port 127.0.0.1:{port}\n"_s + config +
               u"\npid_filename {dir}/squid.pid\n"
               "cache_log {dir}/cache.log\n"
               "access_log stdio:{dir}/access.log\n"
               "cache deny all\n"
               "cache_mem 8 MB\n"
               "shutdown_lifetime 0 seconds\n"
               "coredump_dir {dir}\n"_s;
        // -N: foreground. -n: a service name of its own, which names its shared memory segments,
        // so that squids of parallel tests (or of another user) do not collide.
        args = {u"-N"_s, u"-n"_s, squidServiceName(), u"-f"_s, m_dir.filePath(u"squid.conf"_s)};
        if (!write(u"squid.conf"_s, fill(conf), error))
            return false;
        break;
    }
    if (!m_process.start(program, args, m_port, error, 20000)) {
        *error += u"\n"_s + log();
        return false;
    }
    return true;
}

QString GatewayServer::log() const
{
    QString name;
    switch (m_kind) {
    case Kind::Nginx:
        name = u"error.log"_s;
        break;
    case Kind::Squid:
        name = u"cache.log"_s;
        break;
    case Kind::Haproxy:
        return m_process.output();
    }
    QFile f(m_dir.filePath(name));
    return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readAll()) : QString();
}

} // namespace llmdoctor::test
