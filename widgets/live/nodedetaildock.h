#pragma once

#include "live/livesnapshot.h"

#include <QDockWidget>
#include <QHash>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableWidget;
class QVBoxLayout;

namespace infralab {

class Document;
struct KindInfo;
class TopologyScene;

namespace live {
class LabSession;
}

// The Node detail dock: the selected node while the lab runs — its state and address, live
// numbers (rate, totals, errors, latency percentiles, connections, bytes), its recent requests
// from the access log (filterable), and what its kind describes: tables (a balancer's
// backends) and summary lines (a generator's sending rate) from Component::detail(), live
// controls (a generator's rate slider and profile) from the catalogue's KindInfo::liveControls.
// It knows no kind. The controls edit the document (undoable), and the running lab takes the
// change live like any other edit.
class NodeDetailDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeDetailDock)

public:
    NodeDetailDock(live::LabSession *session, Document *document, TopologyScene *scene,
                   QWidget *parent = nullptr);

    QString nodeId() const { return m_nodeId; }
    void showNode(const QString &nodeId); // empty: nothing selected
    // Shows nothing, and no numbers of the last lab until the next one starts: another
    // document was opened, whose nodes may share the old ones' ids.
    void clear();

    // For tests and the status of the view.
    QString numbersText() const;
    QPlainTextEdit *accessLog() const { return m_log; }
    QLineEdit *accessLogFilter() const { return m_logFilter; }
    QGroupBox *controlsBox() const { return m_controlsBox; }
    // The live control of config key `key` of the shown kind; null when it has none.
    QSlider *slider(const QString &key) const;
    QSpinBox *spinBox(const QString &key) const;
    QComboBox *comboBox(const QString &key) const;
    // What an idle control (LiveControl::idleReason) shows instead of its setting: the
    // measured rate; null when the control has none.
    QLabel *measuredLabel(const QString &key) const;
    // The table of the kind's detail section `index` (Component::detail()); null past the end.
    QTableWidget *sectionTable(int index) const;

    // A logarithmic slider: 1 at 0 to `maximum` (1,000,000 req/s by default) at SliderSteps.
    static constexpr int SliderSteps = 600;
    static constexpr int DefaultSliderMaximum = 1000000;
    static int sliderPosition(int value, int maximum = DefaultSliderMaximum);
    static int sliderRate(int position, int maximum = DefaultSliderMaximum);
    // A section table shows this many rows at most before it scrolls.
    static constexpr int MaxTableRows = 10;

private:
    struct Control
    {
        QString key;
        int maximum = 0;
        QSlider *slider = nullptr;
        QSpinBox *spin = nullptr;
        QComboBox *combo = nullptr;
        QLabel *measured = nullptr;
        bool idle = false;
        bool showsSendingRate = false;
    };
    // What the node did while it last ran, for the lines shown once it stopped.
    struct LastTotals
    {
        double sent = -1;     // a load source's requests sent; negative: not one
        double requests = -1; // served requests; negative: none seen
        double failures = 0;
    };
    struct Section
    {
        QGroupBox *box = nullptr;
        QTableWidget *table = nullptr;
    };

    void onSnapshot(const std::shared_ptr<const live::LiveSnapshot> &snapshot);
    void refreshHeader();
    void refreshControls();
    void refreshMeasured(const runtime::NodeDetail *detail);
    bool nodeRuns() const;
    QString stoppedNumbers() const;
    static void fitTableHeight(QTableWidget *table);
    void buildControls(const KindInfo *info);
    void showAccessLog(const live::AccessLogTail &tail);
    void showSections(const QList<runtime::DetailSection> &sections);
    runtime::NodeDetail latestDetail() const;
    void setConfigKey(const QString &key, const QJsonValue &value, int session);

    live::LabSession *m_session;
    Document *m_document;
    QString m_nodeId;
    QLabel *m_title;
    QLabel *m_address;
    QPushButton *m_copyUrl;
    QPushButton *m_copyCurl;
    QPushButton *m_open;
    QLabel *m_numbers;
    QGroupBox *m_controlsBox;
    QLabel *m_controlsNote;
    QFormLayout *m_controlsForm;
    QString m_controlsKind; // the kind m_controls were built for
    QList<Control> m_controls;
    QVBoxLayout *m_sectionsLayout;
    QList<Section> m_sections;
    QGroupBox *m_logBox;
    QLineEdit *m_logFilter;
    QPlainTextEdit *m_log;
    QList<httplog::AccessLogEntry> m_entries;
    QHash<QString, LastTotals> m_lastTotals; // by node id, since the lab last started
    bool m_updatingControls = false;
    bool m_snapshotStale = false; // the session's last snapshot belongs to another document
    int m_editSession = 0;
};

} // namespace infralab
