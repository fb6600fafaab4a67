#include "modelchooser.h"

#include "labels.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace llmdoctor::ui {

using namespace Qt::StringLiterals;

ModelChooser::ModelChooser(const QStringList &models, const QString &wanted, QWidget *parent)
    : QDialog(parent), m_models(models)
{
    setObjectName(u"modelChooser"_s);
    setWindowTitle(tr("Choose a model"));
    QLabel *intro = textLabel(this);
    intro->setText(wanted.isEmpty() ? tr("The models this server offers:")
                                    : tr("This server has no model called \"%1\". The models it offers, the "
                                         "closest names first:")
                                          .arg(wanted));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"modelFilter"_s);
    m_filter->setPlaceholderText(tr("Type to search"));
    m_filter->setAccessibleName(tr("Search the models"));
    m_filter->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"modelList"_s);
    m_list->setAccessibleName(tr("Models"));
    m_list->addItems(models);
    m_none = textLabel(this);
    m_none->setText(tr("No model name contains that."));
    m_none->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Use this model"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_none);
    layout->addWidget(m_buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &ModelChooser::applyFilter);
    // Enter in the search field presses the default button: the first name left is taken. The
    // arrow keys there move through the list, so typing and choosing need no mouse.
    m_filter->installEventFilter(this);
    connect(m_list, &QListWidget::currentRowChanged, this, &ModelChooser::updateOk);
    connect(m_list, &QListWidget::itemActivated, this, [this] { accept(); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateOk();
    m_filter->setFocus();
    resize(420, 420);
}

bool ModelChooser::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QString ModelChooser::chosenModel() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && !item->isHidden() ? item->text() : QString();
}

void ModelChooser::setFilter(const QString &text)
{
    m_filter->setText(text);
}

void ModelChooser::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    int first = -1;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool match = text.isEmpty() || item->text().contains(text, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && first < 0)
            first = i;
    }
    // The best match left is chosen: the list keeps the closest names first.
    m_list->setCurrentRow(first);
    m_none->setVisible(first < 0);
    updateOk();
}

void ModelChooser::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosenModel().isEmpty());
}

} // namespace llmdoctor::ui
