#include "inspector/inspectordock.h"

#include "canvas/topologyscene.h"
#include "catalogue/componentcatalogue.h"
#include "document/commands/commandids.h"
#include "document/commands/renamenodecommand.h"
#include "document/commands/setlinkconfigcommand.h"
#include "document/commands/setnodeconfigcommand.h"
#include "document/commands/setnodedescriptioncommand.h"
#include "document/document.h"
#include "document/documentvalidation.h"
#include "inspector/configform.h"
#include "validation/problemtext.h"

#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>

namespace infralab {

namespace {

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 2);
    return label;
}

// The validator's messages about the keys below `prefix` (`nodes[2].config`), first per key.
void collectProblems(const Problems &problems, const QString &prefix,
                     QHash<QString, QString> &byKey)
{
    for (const Problem &problem : problems) {
        if (problem.path.size() <= prefix.size() + 1
            || !problemtext::pathCovers(prefix, problem.path))
            continue;
        const QString rest = problem.path.mid(prefix.size() + 1);
        qsizetype end = 0;
        while (end < rest.size() && rest.at(end) != QLatin1Char('.')
               && rest.at(end) != QLatin1Char('['))
            ++end;
        const QString key = rest.left(end);
        if (!byKey.contains(key))
            byKey.insert(key, end == rest.size() ? problem.message
                                                 : rest + QStringLiteral(": ") + problem.message);
    }
}

} // namespace

InspectorDock::InspectorDock(Document *document, TopologyScene *scene, QWidget *parent)
    : QDockWidget(tr("Inspector"), parent)
    , m_document(document)
    , m_scene(scene)
    , m_scroll(new QScrollArea)
    , m_helpLabel(new QLabel)
{
    setObjectName(QStringLiteral("InspectorDock"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    layout->addWidget(m_scroll, 1);
    m_helpLabel->setWordWrap(true);
    m_helpLabel->setContentsMargins(8, 6, 8, 6);
    m_helpLabel->setForegroundRole(QPalette::PlaceholderText);
    m_helpLabel->setMinimumHeight(m_helpLabel->fontMetrics().lineSpacing() * 3 + 12);
    m_helpLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_helpLabel);
    setWidget(content);

    connect(scene, &QGraphicsScene::selectionChanged, this, &InspectorDock::selectionChanged);
    connect(document, &Document::topologyReset, this, &InspectorDock::rebuild);
    connect(document, &Document::fileNameChanged, this, &InspectorDock::rebuild);
    connect(document, &Document::nodeChanged, this, &InspectorDock::onNodeChanged);
    connect(document, &Document::linkChanged, this, &InspectorDock::onLinkChanged);
    // Another node's port can clash with an inspected one: every validation, whatever changed.
    connect(document->validation(), &DocumentValidation::validationChanged, this,
            &InspectorDock::recheck);
    rebuild();
}

QString InspectorDock::title() const
{
    return m_titleLabel ? m_titleLabel->text() : QString();
}

QString InspectorDock::message() const
{
    return m_messageLabel ? m_messageLabel->text() : QString();
}

std::optional<InspectorDock::Subject> InspectorDock::currentSubject(QString *why) const
{
    const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
    const Topology &topology = m_document->topology();
    Subject subject;
    subject.nodes = m_scene->selectedNodeIds();
    subject.links = m_scene->selectedLinks();
    if (subject.nodes.isEmpty() && subject.links.isEmpty()) {
        *why = tr("Select a node or a link to see its settings.");
        return std::nullopt;
    }
    if (!subject.nodes.isEmpty() && !subject.links.isEmpty()) {
        *why = tr("Nodes and links are selected. Select only nodes or only links to edit "
                  "their settings.");
        return std::nullopt;
    }
    QSet<QString> kinds;
    for (const QString &id : std::as_const(subject.nodes))
        kinds.insert(topology.findNode(id)->kind);
    for (const auto &[from, to] : std::as_const(subject.links))
        kinds.insert(topology.findNode(from)->kind);
    if (kinds.size() > 1) {
        *why = subject.links.isEmpty()
                   ? tr("Nodes of different kinds are selected. Select nodes of one kind to "
                        "edit them together.")
                   : tr("Links from different kinds of nodes are selected. Select links whose "
                        "callers are of one kind to edit them together.");
        return std::nullopt;
    }
    subject.kind = *kinds.cbegin();
    if (!catalogue.find(subject.kind)) {
        *why = tr("%1 is not a kind this version knows; its settings are kept as they are.")
                   .arg(subject.kind);
        return std::nullopt;
    }
    return subject;
}

void InspectorDock::selectionChanged()
{
    if (!m_document)
        return;
    QString why;
    if (currentSubject(&why) == m_subject && (m_subject || message() == why))
        refresh();
    else
        rebuild();
}

void InspectorDock::rebuild()
{
    QString why;
    m_subject = currentSubject(&why);
    m_form = nullptr;
    m_nameEdit = nullptr;
    m_descriptionEdit = nullptr;
    m_messageLabel = nullptr;
    m_titleLabel = nullptr;
    m_nameSession = 0;
    m_descriptionSession = 0;
    // Not deleted at once: a rebuild can come from a signal of one of the old page's widgets.
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater();

    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 8, 8, 8);
    m_helpLabel->clear();
    if (!m_subject) {
        m_messageLabel = new QLabel(why, page);
        m_messageLabel->setWordWrap(true);
        m_messageLabel->setAlignment(Qt::AlignCenter);
        m_messageLabel->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(m_messageLabel, 1);
        m_scroll->setWidget(page);
        return;
    }

    const KindInfo &info = *ComponentCatalogue::instance().find(m_subject->kind);
    layout->addWidget(buildHeader(info));
    if (m_subject->nodes.size() == 1)
        layout->addWidget(buildGeneral());
    const bool forLinks = !m_subject->links.isEmpty();
    const QList<ConfigKey> &schema = forLinks ? info.linkConfig : info.config;
    layout->addWidget(sectionLabel(forLinks ? tr("Link settings") : tr("Settings"), page));
    if (schema.isEmpty()) {
        m_messageLabel = new QLabel(tr("Links from this kind of node (%1) have no settings.")
                                        .arg(catalogueText(info.displayName)),
                                    page);
        m_messageLabel->setWordWrap(true);
        m_messageLabel->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(m_messageLabel);
    } else {
        const QString folder = m_document->fileName().isEmpty()
                                   ? QString()
                                   : QFileInfo(m_document->fileName()).absolutePath();
        m_form = new ConfigForm(schema, folder, page);
        connect(m_form, &ConfigForm::valueEdited, this, &InspectorDock::applyEdit);
        connect(m_form, &ConfigForm::helpChanged, m_helpLabel, &QLabel::setText);
        layout->addWidget(m_form);
    }
    layout->addStretch(1);
    m_helpLabel->setText(catalogueText(info.description));
    m_scroll->setWidget(page);
    recheck();
}

QWidget *InspectorDock::buildHeader(const KindInfo &info)
{
    auto *header = new QWidget;
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 4);
    auto *icon = new QLabel(header);
    icon->setPixmap(QIcon(info.icon).pixmap(32, 32));
    icon->setFixedSize(32, 32);
    layout->addWidget(icon, 0, Qt::AlignTop);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(0);
    m_titleLabel = new QLabel(header);
    QFont font = m_titleLabel->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    m_titleLabel->setFont(font);
    m_titleLabel->setWordWrap(true);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    texts->addWidget(m_titleLabel);
    const QString kindName = catalogueText(info.displayName);
    QString subtitle;
    if (m_subject->links.isEmpty())
        subtitle = m_subject->nodes.size() == 1
                       ? tr("%1 · %2").arg(kindName, m_subject->nodes.constFirst())
                       : kindName;
    else
        subtitle = tr("Caller: %1").arg(kindName);
    auto *kindLabel = new QLabel(subtitle, header);
    kindLabel->setForegroundRole(QPalette::PlaceholderText);
    kindLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    texts->addWidget(kindLabel);
    layout->addLayout(texts, 1);
    return header;
}

QWidget *InspectorDock::buildGeneral()
{
    auto *general = new QWidget;
    auto *form = new QFormLayout(general);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_nameEdit = new QLineEdit(general);
    m_nameEdit->setPlaceholderText(m_subject->nodes.constFirst());
    m_descriptionEdit = new QPlainTextEdit(general);
    m_descriptionEdit->setTabChangesFocus(true);
    m_descriptionEdit->setFixedHeight(m_descriptionEdit->fontMetrics().lineSpacing() * 3 + 12);
    m_descriptionEdit->setPlaceholderText(tr("What this node is for"));
    m_descriptionEdit->installEventFilter(this);
    form->addRow(tr("&Name"), m_nameEdit);
    form->addRow(tr("&Description"), m_descriptionEdit);
    connect(m_nameEdit, &QLineEdit::textEdited, this, &InspectorDock::renameEdited);
    connect(m_nameEdit, &QLineEdit::editingFinished, this, [this] { m_nameSession = 0; });
    connect(m_descriptionEdit, &QPlainTextEdit::textChanged, this,
            &InspectorDock::descriptionEdited);
    return general;
}

bool InspectorDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_descriptionEdit && event->type() == QEvent::FocusOut)
        m_descriptionSession = 0;
    return QDockWidget::eventFilter(watched, event);
}

void InspectorDock::recheck()
{
    // A selection change right after an edit flags the new subject's fields at once. Validating
    // now announces itself, and that announcement is this slot again: the rest is done there.
    if (DocumentValidation *validation = m_document->validation(); validation->isPending()) {
        validation->upToDate();
        return;
    }
    m_problems.clear();
    if (!m_subject)
        return;
    const Topology &topology = m_document->topology();
    const Problems &problems = m_document->validation()->problems();
    for (const QString &id : std::as_const(m_subject->nodes)) {
        const int index = topology.indexOfNode(id);
        if (index >= 0)
            collectProblems(problems, QStringLiteral("nodes[%1].config").arg(index), m_problems);
    }
    for (const auto &[from, to] : std::as_const(m_subject->links)) {
        const int index = topology.indexOfLink(from, to);
        if (index >= 0)
            collectProblems(problems, QStringLiteral("links[%1].config").arg(index), m_problems);
    }
    refresh();
}

void InspectorDock::refresh()
{
    if (!m_subject)
        return;
    const Topology &topology = m_document->topology();
    QList<QJsonObject> configs;
    for (const QString &id : std::as_const(m_subject->nodes)) {
        const int index = topology.indexOfNode(id);
        if (index < 0)
            return; // removed: the selection change that follows rebuilds
        configs.append(topology.nodes.at(index).config);
    }
    for (const auto &[from, to] : std::as_const(m_subject->links)) {
        const int index = topology.indexOfLink(from, to);
        if (index < 0)
            return;
        configs.append(topology.links.at(index).config);
    }

    m_updating = true;
    if (m_subject->links.isEmpty()) {
        const Node *first = topology.findNode(m_subject->nodes.constFirst());
        m_titleLabel->setText(m_subject->nodes.size() == 1
                                  ? first->displayName()
                                  : tr("%n nodes", nullptr, int(m_subject->nodes.size())));
    } else {
        const auto &[from, to] = m_subject->links.constFirst();
        m_titleLabel->setText(m_subject->links.size() == 1
                                  ? tr("%1 → %2").arg(from, to)
                                  : tr("%n links", nullptr, int(m_subject->links.size())));
    }
    if (m_nameEdit) {
        const Node *node = topology.findNode(m_subject->nodes.constFirst());
        if (m_nameEdit->text() != node->name) {
            m_nameEdit->setText(node->name);
            m_nameSession = 0;
        }
        if (m_descriptionEdit->toPlainText() != node->description) {
            m_descriptionEdit->setPlainText(node->description);
            m_descriptionSession = 0;
        }
    }
    if (m_form)
        m_form->setValues(configs, m_problems);
    m_updating = false;
}

void InspectorDock::onNodeChanged(const QString &id, NodeChanges changes)
{
    // The form shows no position; values at once, problems when the validation says.
    if (m_applying || changes == NodeChange::Position)
        return;
    if (m_subject && m_subject->nodes.contains(id))
        refresh();
}

void InspectorDock::onLinkChanged(const QString &from, const QString &to)
{
    if (m_applying)
        return;
    if (m_subject && m_subject->links.contains(LinkKey(from, to)))
        refresh();
}

void InspectorDock::applyEdit(const QString &key, const std::optional<QJsonValue> &value,
                              int session)
{
    if (!m_subject)
        return;
    const Topology &topology = m_document->topology();
    // Nothing to do when every item already has exactly this (a reset of unset keys too).
    bool changes = false;
    const auto differs = [&](const QJsonObject &config) {
        const auto it = config.constFind(key);
        const std::optional<QJsonValue> current
            = it == config.constEnd() ? std::nullopt : std::optional<QJsonValue>(it.value());
        return current != value;
    };
    for (const QString &id : std::as_const(m_subject->nodes))
        changes = changes || differs(topology.findNode(id)->config);
    for (const auto &[from, to] : std::as_const(m_subject->links))
        changes = changes || differs(topology.links.at(topology.indexOfLink(from, to)).config);
    if (!changes)
        return;
    QUndoStack *stack = m_document->undoStack();
    // One refresh after the whole edit: halfway through a multi-selection edit the items
    // disagree, and showing them as mixed would end the field's edit session.
    m_applying = true;
    if (m_subject->links.isEmpty())
        stack->push(new SetNodeConfigCommand(m_document, m_subject->nodes, key, value, session));
    else
        stack->push(new SetLinkConfigCommand(m_document, m_subject->links, key, value, session));
    m_applying = false;
    refresh();
}

void InspectorDock::renameEdited(const QString &name)
{
    if (!m_subject || m_subject->nodes.size() != 1)
        return;
    if (m_nameSession == 0)
        m_nameSession = RenameNodeCommand::nextSession();
    m_document->undoStack()->push(
        new RenameNodeCommand(m_document, m_subject->nodes.constFirst(), name, m_nameSession));
}

void InspectorDock::descriptionEdited()
{
    if (m_updating || !m_subject || m_subject->nodes.size() != 1)
        return;
    const QString id = m_subject->nodes.constFirst();
    const QString text = m_descriptionEdit->toPlainText();
    if (m_document->topology().findNode(id)->description == text)
        return;
    if (m_descriptionSession == 0)
        m_descriptionSession = nextEditSession();
    m_document->undoStack()->push(
        new SetNodeDescriptionCommand(m_document, id, text, m_descriptionSession));
}

} // namespace infralab
