#include "labels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
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

namespace {

// A click on the label is a click on the box.
class ClickForwarder final : public QObject
{
public:
    ClickForwarder(QCheckBox *box, QObject *parent) : QObject(parent), m_box(box) {}

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::MouseButtonRelease && m_box->isEnabled()) {
            m_box->click();
            m_box->setFocus(Qt::MouseFocusReason);
            return true;
        }
        return false;
    }

private:
    QCheckBox *m_box;
};

} // namespace

QWidget *wrapCheckBox(QCheckBox *box)
{
    auto *row = new QWidget(box->parentWidget());
    row->setObjectName(box->objectName() + QStringLiteral("Row"));
    const QString text = box->text();
    auto *label = new QLabel(text, row);
    label->setObjectName(box->objectName() + QStringLiteral("Label"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setBuddy(box); // its mnemonic presses the box
    label->setToolTip(box->toolTip());
    label->installEventFilter(new ClickForwarder(box, label));
    QString plain = text;
    box->setAccessibleName(
        plain.replace(QStringLiteral("&&"), QStringLiteral("\x01")).remove(u'&').replace(u'\x01', u'&'));
    box->setText(QString());
    box->setParent(row);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(box, 0, Qt::AlignTop);
    layout->addWidget(label, 1);
    // The box's visibility and enabled state are the row's.
    box->show();
    return row;
}

void narrowComboBox(QComboBox *box)
{
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(12);
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
