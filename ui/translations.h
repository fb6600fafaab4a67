#pragma once

#include <QLocale>

class QCoreApplication;

namespace llmdoctor::ui {

// Installs the wizard's translation for the locale's languages (QLocale::uiLanguages, i.e.
// LANGUAGE, LC_ALL, LC_MESSAGES, LANG on Linux), falling back to English (which carries the
// plural forms), and Qt's own strings (standard buttons, file dialogs) when Qt ships them.
// Returns the language used for llmdoctor's strings, e.g. "de" or "en".
QString installTranslations(QCoreApplication &app, const QLocale &locale = QLocale::system());

} // namespace llmdoctor::ui
