#include "labels.h"

#include <QLabel>
#include <QLayout>

namespace llmdoctor::ui {

QLabel *textLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    return label;
}

QLabel *headingLabel(const QString &text, QWidget *parent, qreal scale)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * scale);
    label->setFont(f);
    return label;
}

void clearLayout(QLayout *layout)
{
    // A button in the layout may be the one whose click rebuilds it: widgets go later.
    while (QLayoutItem *item = layout->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
}

} // namespace llmdoctor::ui
