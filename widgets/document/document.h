#pragma once

#include "model/topology.h"
#include "model/topologydiff.h"

#include <QObject>
#include <QUndoStack>

namespace infralab {

class DocumentValidation;

// The open topology, its file and its undo stack. Widgets edit it only through undo commands,
// which call the by-id edits below; the canvas and docks listen to the signals and mirror the
// topology by node id. A link is identified by its (from, to) pair. nodeChanged says which
// parts changed, so each listener reacts only to its own (a drag moves the card and revalidates
// nothing). validation() holds the problems, computed once per change for every reader.
class Document final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Document)

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const Topology &topology() const { return m_topology; }
    QString fileName() const { return m_fileName; }
    void setFileName(const QString &fileName);
    QString displayName() const; // file name without folder, or "Untitled"
    bool isModified() const { return !m_undoStack.isClean(); }
    QUndoStack *undoStack() { return &m_undoStack; }
    DocumentValidation *validation() const { return m_validation; }

    // Replaces the whole topology (open / new); clears the undo stack.
    void reset(const Topology &topology, const QString &fileName);
    void markSaved() { m_undoStack.setClean(); }
    // Unsaved without an undo step: a topology restored from a recovery file.
    void markUnsaved() { m_undoStack.resetClean(); }

    // Edits for undo commands. Each keeps the topology consistent only as far as the caller
    // does: removing a node does not remove its links (a command removes those first, so it
    // can restore them).
    void insertNode(int index, const Node &node); // index < 0 appends
    Node takeNode(const QString &id);
    void setNode(const Node &node); // replaces the node with node.id
    void setNodePosition(const QString &id, const QPointF &position);
    void insertLink(int index, const Link &link); // index < 0 appends
    Link takeLink(const QString &from, const QString &to);
    void setLink(const Link &link); // replaces the link with the same (from, to)

signals:
    void topologyReset();
    void fileNameChanged(const QString &fileName);
    void modifiedChanged(bool modified);

    void nodeAdded(const QString &id);
    void nodeAboutToBeRemoved(const QString &id);
    void nodeRemoved(const QString &id);
    // `configKeys`: the keys set, unset or changed, when `changes` has NodeChange::Config.
    void nodeChanged(const QString &id, infralab::NodeChanges changes,
                     const QStringList &configKeys);
    void linkAdded(const QString &from, const QString &to);
    void linkRemoved(const QString &from, const QString &to);
    void linkChanged(const QString &from, const QString &to);

private:
    Topology m_topology;
    QString m_fileName;
    QUndoStack m_undoStack;
    DocumentValidation *m_validation; // a child: connected first, so it is current before others
};

} // namespace infralab
