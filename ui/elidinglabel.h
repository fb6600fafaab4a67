#pragma once

#include <QLabel>

namespace llmdoctor::ui {

// One line of text that never widens the window: too long for its width, it is shortened in the
// middle ("https://gateway.exa…/v1") and the whole text is in the tooltip and the accessible name.
class ElidingLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_full; }
    bool isElided() const { return text() != m_full; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();

    QString m_full;
};

} // namespace llmdoctor::ui
