#pragma once

#include <QDockWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace infralab {

class Document;
class TopologyView;

// The palette: every kind of the catalogue, grouped by category in catalogue order, with icon,
// translated name and description. A kind is dragged onto the canvas as
// `application/x-infralab-kind` (PaletteDropHandler adds the node) or double-clicked to add one
// in the middle of the view. The filter line narrows the list by name, kind or description.
class PaletteDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaletteDock)

public:
    static const QString MimeType;

    PaletteDock(Document *document, TopologyView *view, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QTreeWidget *tree() const { return m_tree; }
    QTreeWidgetItem *kindItem(const QString &kind) const; // nullptr when unknown
    QStringList visibleKinds() const;

    // Adds a node of `kind` at the centre of the view, as one undo step.
    void addAtViewCentre(const QString &kind);

private:
    void populate();
    void applyFilter(const QString &text);

    Document *m_document;
    TopologyView *m_view;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};

} // namespace infralab
