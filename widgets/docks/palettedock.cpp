#include "docks/palettedock.h"

#include "canvas/topologyview.h"
#include "catalogue/componentcatalogue.h"
#include "document/commands/addnodecommand.h"
#include "document/document.h"
#include "runtime/componentfactory.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QIcon>
#include <QLineEdit>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace infralab {

namespace {

constexpr int KindRole = Qt::UserRole;
constexpr int SearchRole = Qt::UserRole + 1;

QString catalogueText(const QString &source)
{
    return QCoreApplication::translate("Catalogue", source.toUtf8().constData());
}

// Drags carry the kind under PaletteDock::MimeType (and as text, for other applications).
class PaletteTree final : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return {PaletteDock::MimeType}; }

    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        if (items.isEmpty() || items.first()->data(0, KindRole).toString().isEmpty())
            return nullptr;
        const QString kind = items.first()->data(0, KindRole).toString();
        auto *data = new QMimeData;
        data->setData(PaletteDock::MimeType, kind.toUtf8());
        data->setText(kind);
        return data;
    }
};

} // namespace

const QString PaletteDock::MimeType = QStringLiteral("application/x-infralab-kind");

PaletteDock::PaletteDock(Document *document, TopologyView *view, QWidget *parent)
    : QDockWidget(tr("Palette"), parent)
    , m_document(document)
    , m_view(view)
    , m_filter(new QLineEdit)
    , m_tree(new PaletteTree)
{
    setObjectName(QStringLiteral("PaletteDock"));
    m_filter->setPlaceholderText(tr("Filter components"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(8);
    m_tree->setIconSize(QSize(28, 28));
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    setWidget(content);

    populate();
    connect(m_filter, &QLineEdit::textChanged, this, &PaletteDock::applyFilter);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const QString kind = item->data(0, KindRole).toString();
        if (!kind.isEmpty())
            addAtViewCentre(kind);
    });
}

QTreeWidgetItem *PaletteDock::kindItem(const QString &kind) const
{
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = m_tree->topLevelItem(c);
        for (int k = 0; k < category->childCount(); ++k) {
            if (category->child(k)->data(0, KindRole).toString() == kind)
                return category->child(k);
        }
    }
    return nullptr;
}

QStringList PaletteDock::visibleKinds() const
{
    QStringList kinds;
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = m_tree->topLevelItem(c);
        for (int k = 0; k < category->childCount(); ++k) {
            if (!category->isHidden() && !category->child(k)->isHidden())
                kinds.append(category->child(k)->data(0, KindRole).toString());
        }
    }
    return kinds;
}

void PaletteDock::addAtViewCentre(const QString &kind)
{
    const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
    const Node node = AddNodeCommand::newNode(m_document->topology(), kind, centre);
    if (!node.id.isEmpty())
        m_document->undoStack()->push(new AddNodeCommand(m_document, node));
}

void PaletteDock::populate()
{
    const QString categoryTitles[] = {tr("Traffic"), tr("Edge"), tr("Compute"), tr("Data")};
    const QStringList runnable = runtime::ComponentFactory::builtIn().kinds();
    QTreeWidgetItem *categories[4] = {};
    for (const KindInfo &info : ComponentCatalogue::instance().kinds()) {
        const int c = int(info.category);
        if (!categories[c]) {
            categories[c] = new QTreeWidgetItem(m_tree, {categoryTitles[c]});
            categories[c]->setFlags(Qt::ItemIsEnabled);
            QFont font = categories[c]->font(0);
            font.setBold(true);
            categories[c]->setFont(0, font);
        }
        const QString name = catalogueText(info.displayName);
        const QString description = catalogueText(info.description);
        const bool runs = runnable.contains(info.kind);
        // A kind this version does not run yet stays in the palette (designs may use it) but
        // says so: muted, "(coming)", and why in the tooltip.
        auto *item
            = new QTreeWidgetItem(categories[c], {runs ? name : tr("%1 (coming)").arg(name)});
        item->setIcon(0, QIcon(info.icon));
        item->setToolTip(0, runs ? description
                                 : description + QLatin1Char('\n')
                                       + tr("Does not run in this version yet: you can design "
                                            "with it, and Start skips it."));
        if (!runs) {
            QFont font = item->font(0);
            font.setItalic(true);
            item->setFont(0, font);
            item->setForeground(0, m_tree->palette().brush(QPalette::Disabled, QPalette::Text));
        }
        item->setData(0, KindRole, info.kind);
        item->setData(0, SearchRole, QStringList{name, info.kind, description}.join(u'\n'));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    m_tree->expandAll();
}

void PaletteDock::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *category = m_tree->topLevelItem(c);
        bool any = false;
        for (int k = 0; k < category->childCount(); ++k) {
            QTreeWidgetItem *item = category->child(k);
            const bool match
                = needle.isEmpty()
                  || item->data(0, SearchRole).toString().contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            any = any || match;
        }
        category->setHidden(!any);
    }
}

} // namespace infralab
