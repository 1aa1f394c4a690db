#include "document/document.h"

#include <QFileInfo>

namespace infralab {

Document::Document(QObject *parent)
    : QObject(parent)
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

void Document::setFileName(const QString &fileName)
{
    if (m_fileName == fileName)
        return;
    m_fileName = fileName;
    emit fileNameChanged(fileName);
}

QString Document::displayName() const
{
    return m_fileName.isEmpty() ? tr("Untitled") : QFileInfo(m_fileName).fileName();
}

void Document::reset(const Topology &topology, const QString &fileName)
{
    m_undoStack.clear();
    m_topology = topology;
    setFileName(fileName);
    emit topologyReset();
    emit modifiedChanged(false);
}

} // namespace infralab
