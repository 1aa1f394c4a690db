#pragma once

#include <QDockWidget>

class QUndoView;

namespace infralab {

class Document;

// The document's undo history: one row per step, the current one selected; clicking a row
// undoes or redoes up to it (QUndoView).
class HistoryDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDock)

public:
    explicit HistoryDock(Document *document, QWidget *parent = nullptr);

    QUndoView *undoView() const { return m_view; }

private:
    QUndoView *m_view;
};

} // namespace infralab
