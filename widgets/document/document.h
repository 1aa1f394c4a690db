#pragma once

#include "model/topology.h"

#include <QObject>
#include <QUndoStack>

namespace infralab {

// The open topology, its file and its undo stack. Widgets edit it only through undo commands;
// the canvas and docks listen to its signals and mirror it by node id.
class Document final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Document)

public:
    explicit Document(QObject *parent = nullptr);

    const Topology &topology() const { return m_topology; }
    QString fileName() const { return m_fileName; }
    void setFileName(const QString &fileName);
    QString displayName() const; // file name without folder, or "Untitled"
    bool isModified() const { return !m_undoStack.isClean(); }
    QUndoStack *undoStack() { return &m_undoStack; }

    // Replaces the whole topology (open / new); clears the undo stack.
    void reset(const Topology &topology, const QString &fileName);
    void markSaved() { m_undoStack.setClean(); }

signals:
    void topologyReset();
    void fileNameChanged(const QString &fileName);
    void modifiedChanged(bool modified);

private:
    Topology m_topology;
    QString m_fileName;
    QUndoStack m_undoStack;
};

} // namespace infralab
