#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace llmdoctor::ui {

// "Choose a model": the provider's own list, the names closest to the one asked for first,
// narrowed as the user types. Opens without a nested event loop (open(), then accepted()).
class ModelChooser final : public QDialog
{
    Q_OBJECT
public:
    ModelChooser(const QStringList &models, const QString &wanted, QWidget *parent = nullptr);

    QString chosenModel() const;
    void setFilter(const QString &text); // what typing in the search field does

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    void updateOk();

    QStringList m_models;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QLabel *m_none;
    QDialogButtonBox *m_buttons;
};

} // namespace llmdoctor::ui
