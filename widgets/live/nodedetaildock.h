#pragma once

#include "live/livesnapshot.h"

#include <QDockWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableWidget;

namespace infralab {

class Document;
class TopologyScene;

namespace live {
class LabSession;
}

// The Node detail dock: the selected node while the lab runs — its state and address, live
// numbers (rate, totals, errors, latency percentiles, connections, bytes), its recent requests
// from the access log (filterable), a balancer's backends table (its stats page's data), and
// for a traffic generator a rate slider and load-profile controls. Those controls edit the
// document (undoable), and the running lab takes the change live like any other edit.
class NodeDetailDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeDetailDock)

public:
    NodeDetailDock(live::LabSession *session, Document *document, TopologyScene *scene,
                   QWidget *parent = nullptr);

    QString nodeId() const { return m_nodeId; }
    void showNode(const QString &nodeId); // empty: nothing selected

    // For tests and the status of the view.
    QString numbersText() const;
    QPlainTextEdit *accessLog() const { return m_log; }
    QLineEdit *accessLogFilter() const { return m_logFilter; }
    QTableWidget *backends() const { return m_backends; }
    QSlider *rateSlider() const { return m_rateSlider; }
    QSpinBox *rateSpin() const { return m_rateSpin; }
    QComboBox *profileCombo() const { return m_profile; }
    QGroupBox *generatorBox() const { return m_generatorBox; }

    // The slider is logarithmic: 1 req/s at 0 to 1,000,000 req/s at SliderSteps.
    static constexpr int SliderSteps = 600;
    static int sliderPosition(int rate);
    static int sliderRate(int position);

private:
    void onSnapshot(const std::shared_ptr<const live::LiveSnapshot> &snapshot);
    void refreshHeader();
    void refreshGenerator();
    void showAccessLog(const live::AccessLogTail &tail);
    void showBackends(const QJsonObject &details);
    void setGeneratorKey(const QString &key, const QJsonValue &value, int session);

    live::LabSession *m_session;
    Document *m_document;
    QString m_nodeId;
    QLabel *m_title;
    QLabel *m_address;
    QPushButton *m_copyUrl;
    QPushButton *m_copyCurl;
    QPushButton *m_open;
    QLabel *m_numbers;
    QGroupBox *m_generatorBox;
    QLabel *m_mode;
    QSlider *m_rateSlider;
    QSpinBox *m_rateSpin;
    QComboBox *m_profile;
    QGroupBox *m_backendsBox;
    QTableWidget *m_backends;
    QGroupBox *m_logBox;
    QLineEdit *m_logFilter;
    QPlainTextEdit *m_log;
    QList<httplog::AccessLogEntry> m_entries;
    bool m_updatingControls = false;
    int m_editSession = 0;
};

} // namespace infralab
