#pragma once

#include <QColor>
#include <QPalette>

class QTreeWidgetItem;
class QWidget;

namespace llmdoctor::ui {

// The one place status colours come from. Every tone is picked for the current palette (light or
// a dark desktop) and then made dark or light enough to read: at least 4.5:1 against the
// background it is drawn on (WCAG AA for normal text).
enum class Tone
{
    Normal,  // the theme's own text colour
    Muted,   // quieter notes, still readable
    Pass,    // it works
    Warn,    // advice, not a blocker
    Fail,    // it failed / an error
    Running, // in progress
};

// WCAG 2 contrast ratio of two opaque colours, 1..21.
double contrastRatio(const QColor &a, const QColor &b);
// A colour over a background, its alpha blended in.
QColor blended(const QColor &colour, const QColor &background);
bool isDarkPalette(const QPalette &palette);
// colour, darkened or lightened (hue kept) until it reads at ratio against background.
QColor readableOn(const QColor &colour, const QColor &background, double ratio = 4.5);
// The text colour of a tone on the palette's background role.
QColor toneColour(Tone tone, const QPalette &palette, QPalette::ColorRole background = QPalette::Window);
// Gives a widget's text (WindowText and Text) the tone, now and whenever its palette changes,
// so it follows a switch to a dark desktop. Tone::Normal gives the theme's colour back.
void setTone(QWidget *widget, Tone tone);
Tone toneOf(const QWidget *widget);
// The same for one cell of a list (on its Base background): kept when the palette changes.
// The item must already be in its tree.
void setItemTone(QTreeWidgetItem *item, int column, Tone tone);

} // namespace llmdoctor::ui
