// Build tool: renders the SVG icon to the PNG sizes desktops want (hicolor 16..512), and to the
// .ico the Windows installer uses. Qt SVG does the drawing, so no other tool is needed to build.
//   llmdoctor_iconrender ICON.svg SIZE OUT.png [SIZE OUT.png ...]
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>
#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen"); // a build machine has no display
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() < 4 || args.size() % 2 != 0) {
        err << "usage: llmdoctor_iconrender ICON.svg SIZE OUT.png [SIZE OUT.png ...]\n";
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        err << "cannot read " << args.at(1) << "\n";
        return 1;
    }
    for (qsizetype i = 2; i + 1 < args.size(); i += 2) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size < 1 || size > 4096) {
            err << "not a size: " << args.at(i) << "\n";
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        QDir().mkpath(QFileInfo(args.at(i + 1)).path());
        QImageWriter writer(args.at(i + 1));
        if (!writer.write(image)) {
            err << "cannot write " << args.at(i + 1) << ": " << writer.errorString() << "\n";
            return 1;
        }
    }
    return 0;
}
