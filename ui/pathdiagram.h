#pragma once

#include <QStringList>
#include <QWidget>

namespace llmdoctor::ui {

// The path a request takes — your computer, your network, a proxy, the provider's edge, the
// model server — with the place where it broke marked, so "which hop" is seen, not read.
class PathDiagram final : public QWidget
{
    Q_OBJECT
public:
    enum Hop
    {
        Computer,
        Network,
        Proxy,
        Edge,
        Server,
        HopCount
    };

    explicit PathDiagram(QWidget *parent = nullptr);

    // where: "computer", "network", "proxy", "edge" or "server"; empty when unknown.
    void setBrokenHop(const QString &where);
    int brokenHop() const { return m_broken; }
    static QString hopName(int hop);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_broken = -1;
};

} // namespace llmdoctor::ui
