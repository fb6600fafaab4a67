#include "palette.h"

#include <QEvent>
#include <QTreeWidget>
#include <QVariant>
#include <QWidget>
#include <cmath>

namespace llmdoctor::ui {

namespace {

constexpr const char *kToneProperty = "llmdoctorTone";

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

// The tones as designed, before they are checked against the actual background.
QColor baseTone(Tone tone, bool dark)
{
    switch (tone) {
    case Tone::Pass:
        return dark ? QColor(0x6f, 0xd0, 0x80) : QColor(0x1e, 0x7b, 0x34);
    case Tone::Warn:
        return dark ? QColor(0xf2, 0xb5, 0x3a) : QColor(0x8a, 0x55, 0x00);
    case Tone::Fail:
        return dark ? QColor(0xff, 0x80, 0x78) : QColor(0xb7, 0x1c, 0x1c);
    case Tone::Running:
        return dark ? QColor(0x7c, 0xb4, 0xff) : QColor(0x1f, 0x5f, 0xc8);
    case Tone::Normal:
    case Tone::Muted:
        break;
    }
    return {};
}

// Re-applies a widget's tone when its palette changes (a dark desktop, a theme switch).
class ToneKeeper final : public QObject
{
public:
    using QObject::QObject;
    static ToneKeeper *instance()
    {
        static auto *keeper = new ToneKeeper; // lives as long as the application
        return keeper;
    }
    static void apply(QWidget *w)
    {
        const Tone tone = toneOf(w);
        QPalette pal = w->palette();
        // What the parent would give: the background this text is drawn on.
        const QPalette inherited = w->parentWidget() ? w->parentWidget()->palette() : QPalette();
        for (const QPalette::ColorRole background : {QPalette::Window, QPalette::Base}) {
            const QPalette::ColorRole text =
                background == QPalette::Window ? QPalette::WindowText : QPalette::Text;
            for (const auto group : {QPalette::Active, QPalette::Inactive}) {
                QPalette base = inherited;
                base.setCurrentColorGroup(group);
                pal.setColor(group, text, toneColour(tone, base, background));
            }
        }
        if (pal != w->palette() || pal.resolveMask() != w->palette().resolveMask())
            w->setPalette(pal);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ParentChange ||
            (event->type() == QEvent::PaletteChange && !m_applying)) {
            if (auto *w = qobject_cast<QWidget *>(watched)) {
                m_applying = true;
                apply(w);
                m_applying = false;
            }
        }
        return false;
    }

private:
    bool m_applying = false;
};

constexpr int kToneRole = Qt::UserRole + 0x70e;

void recolourItems(QTreeWidget *tree)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree->topLevelItem(i);
        for (int c = 0; c < tree->columnCount(); ++c) {
            const QVariant tone = item->data(c, kToneRole);
            if (tone.isValid())
                item->setForeground(c, toneColour(Tone(tone.toInt()), tree->palette(), QPalette::Base));
        }
    }
}

// Recolours a tree's toned cells when its palette changes.
class ItemToneKeeper final : public QObject
{
public:
    using QObject::QObject;
    static ItemToneKeeper *instance()
    {
        static auto *keeper = new ItemToneKeeper;
        return keeper;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange) {
            if (auto *tree = qobject_cast<QTreeWidget *>(watched))
                recolourItems(tree);
        }
        return false;
    }
};

} // namespace

void setItemTone(QTreeWidgetItem *item, int column, Tone tone)
{
    QTreeWidget *tree = item->treeWidget();
    item->setData(column, kToneRole, int(tone));
    if (!tree)
        return;
    if (!tree->property("llmdoctorItemTones").isValid()) {
        tree->setProperty("llmdoctorItemTones", true);
        tree->installEventFilter(ItemToneKeeper::instance());
    }
    item->setForeground(column, toneColour(tone, tree->palette(), QPalette::Base));
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor blended(const QColor &colour, const QColor &background)
{
    const QColor c = colour.toRgb(), bg = background.toRgb();
    const double a = c.alphaF();
    return QColor::fromRgbF(float(c.redF() * a + bg.redF() * (1 - a)),
                            float(c.greenF() * a + bg.greenF() * (1 - a)),
                            float(c.blueF() * a + bg.blueF() * (1 - a)));
}

bool isDarkPalette(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window)) < luminance(palette.color(QPalette::WindowText));
}

QColor readableOn(const QColor &colour, const QColor &background, double ratio)
{
    const QColor bg = blended(background, Qt::white);
    QColor c = blended(colour, bg);
    const bool lighten = luminance(bg) < 0.18; // towards white on a dark background, else black
    for (int step = 0; step < 40 && contrastRatio(c, bg) < ratio; ++step)
        c = lighten
                ? QColor::fromRgbF(float(c.redF() + (1 - c.redF()) * 0.1),
                                   float(c.greenF() + (1 - c.greenF()) * 0.1),
                                   float(c.blueF() + (1 - c.blueF()) * 0.1))
                : QColor::fromRgbF(float(c.redF() * 0.9), float(c.greenF() * 0.9), float(c.blueF() * 0.9));
    return c;
}

QColor toneColour(Tone tone, const QPalette &palette, QPalette::ColorRole background)
{
    const QColor bg = palette.color(background);
    const QColor text = palette.color(background == QPalette::Base ? QPalette::Text : QPalette::WindowText);
    if (tone == Tone::Normal)
        return text;
    if (tone == Tone::Muted) {
        // Two thirds of the way from the background to the text: quieter, and still readable.
        QColor muted = text;
        muted.setAlphaF(0.7f);
        return readableOn(blended(muted, bg), bg);
    }
    return readableOn(baseTone(tone, isDarkPalette(palette)), bg);
}

Tone toneOf(const QWidget *widget)
{
    const QVariant v = widget->property(kToneProperty);
    return v.isValid() ? Tone(v.toInt()) : Tone::Normal;
}

void setTone(QWidget *widget, Tone tone)
{
    if (tone == Tone::Normal) {
        if (widget->property(kToneProperty).isValid()) {
            widget->removeEventFilter(ToneKeeper::instance());
            widget->setProperty(kToneProperty, QVariant());
            widget->setPalette(QPalette()); // nothing of its own: the theme's colours again
        }
        return;
    }
    const bool had = widget->property(kToneProperty).isValid();
    widget->setProperty(kToneProperty, int(tone));
    if (!had)
        widget->installEventFilter(ToneKeeper::instance());
    ToneKeeper::apply(widget);
}

} // namespace llmdoctor::ui
