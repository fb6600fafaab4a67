#pragma once

#include <QHostAddress>
#include <QStringList>
#include <QTextStream>
#include <optional>

namespace llmdoctor::core {

// llmdoctor exporter [--listen HOST:PORT] [--config FILE] [--min-interval S] [--max-concurrent N]
// A Prometheus exporter until SIGINT/SIGTERM. Exit: 0 stopped by a signal, 2 bad usage or
// config, 3 internal error.
int runExporterCommand(const QStringList &args, QTextStream &out, QTextStream &err);

// "127.0.0.1:10115", "[::1]:10115", "localhost:10115", ":10115" (every interface, only when
// asked like this) or a bare port (loopback). nullopt and a plain *error otherwise.
std::optional<std::pair<QHostAddress, quint16>> parseListenAddress(const QString &text, QString *error);

} // namespace llmdoctor::core
