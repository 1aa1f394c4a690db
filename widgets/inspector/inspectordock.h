#pragma once

#include "inspector/configform.h"
#include "model/topologydiff.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QStringList>

#include <optional>
#include <utility>

class QLabel;
class QScrollArea;

namespace infralab {

class Document;
class TopologyScene;
struct KindInfo;

// The settings of the selection, generated from the catalogue schema: for nodes of one kind
// their configuration (and, for a single node, its name and description), for links whose
// callers are of one kind their link settings. Every edit is an undo command for the whole
// selection (SetNodeConfigCommand, SetLinkConfigCommand, RenameNodeCommand,
// SetNodeDescriptionCommand); typing into one field merges into one step. It rebuilds its
// form when the selection changes and only refreshes values when the document does, so a
// field keeps its focus and cursor while the user types. The problems it flags are the
// document's one validation (DocumentValidation), read again whenever that revalidates.
class InspectorDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorDock)

public:
    InspectorDock(Document *document, TopologyScene *scene, QWidget *parent = nullptr);

    // The form of the current subject, nullptr when nothing editable is selected.
    ConfigForm *form() const { return m_form; }
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QPlainTextEdit *descriptionEdit() const { return m_descriptionEdit; }
    QString title() const;
    // Why nothing is shown ("Select a node or a link…"), empty while a form is shown.
    QString message() const;

private:
    using LinkKey = std::pair<QString, QString>;

    // What the inspector shows: nodes of one kind or links whose callers are of one kind.
    struct Subject
    {
        QStringList nodes;
        QList<LinkKey> links;
        QString kind; // of the nodes, or of the links' callers
        bool operator==(const Subject &) const = default;
    };

    std::optional<Subject> currentSubject(QString *why) const;
    void selectionChanged();
    void rebuild();
    void refresh(); // values from the document
    void recheck(); // the validator's problems, then refresh()
    void onNodeChanged(const QString &id, NodeChanges changes);
    void onLinkChanged(const QString &from, const QString &to);
    void applyEdit(const QString &key, const std::optional<QJsonValue> &value, int session);
    void renameEdited(const QString &name);
    void descriptionEdited();
    QWidget *buildHeader(const KindInfo &info);
    QWidget *buildGeneral();
    bool eventFilter(QObject *watched, QEvent *event) override;

    // The window deletes the document before the scene, whose item teardown still announces
    // selection changes: those find no document and are ignored.
    QPointer<Document> m_document;
    TopologyScene *m_scene;
    QScrollArea *m_scroll;
    QLabel *m_helpLabel;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_titleLabel = nullptr;
    QPointer<ConfigForm> m_form;
    QPointer<QLineEdit> m_nameEdit;
    QPointer<QPlainTextEdit> m_descriptionEdit;
    std::optional<Subject> m_subject;
    QHash<QString, QString> m_problems; // the validator's, by key of the inspected items
    int m_nameSession = 0;
    int m_descriptionSession = 0;
    bool m_updating = false;
    bool m_applying = false;
};

} // namespace infralab
