#include "translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

QString installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Qt's own strings first, so ours win where both translate the same text.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(&app);
    // Compiled into the binary by qt_add_translations (ui/CMakeLists.txt), so nothing to deploy.
    if (!own->load(locale, u"llmdoctor"_s, u"_"_s, u":/i18n"_s) &&
        !own->load(u"llmdoctor_en"_s, u":/i18n"_s)) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);
    // "llmdoctor_de" -> "de"
    return QFileInfo(own->filePath()).completeBaseName().section(u'_', 1);
}

} // namespace llmdoctor::ui
