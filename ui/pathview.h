#pragma once

#include "core/path/pathresult.h"

#include <QWidget>

namespace llmdoctor::ui {

// The route hop by hop in the manner of PingPlotter: one row a hop with its address, a latency
// bar (typical round trip, with a whisker to the slowest) and a loss bar, redrawn as results come.
class PathView final : public QWidget
{
    Q_OBJECT
public:
    explicit PathView(QWidget *parent = nullptr);

    void setPath(const core::PathResult &path);
    const core::PathResult &path() const { return m_path; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    core::PathResult m_path;
};

} // namespace llmdoctor::ui
