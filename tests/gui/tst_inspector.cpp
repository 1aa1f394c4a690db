#include "canvas/linkitem.h"
#include "canvas/nodeitem.h"
#include "canvas/topologyscene.h"
#include "docks/editordocks.h"
#include "document/document.h"
#include "document/documentvalidation.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"
#include "inspector/configform.h"
#include "inspector/inspectordock.h"
#include "inspector/listeditor.h"
#include "inspector/patheditor.h"
#include "inspector/scalareditors.h"
#include "mainwindow/fileactions.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

// The inspector dock driven like a user drives it: keystrokes into its spin boxes and line
// edits, clicks on check boxes and reset buttons, cell edits in the request table. Every edit
// is checked in the model, in the undo stack (one step per edit, typing merges) and against
// the saved JSON after undo.
using namespace infralab;

namespace {

QString examplePath(const QString &name)
{
    return QStringLiteral(INFRALAB_SOURCE_DIR "/resources/examples/") + name;
}

} // namespace

class tst_Inspector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        QVERIFY(m_window->openFile(examplePath("three-tier.infralab.json")));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        m_original = json();
    }

    void cleanup()
    {
        QUndoStack *stack = m_window->document()->undoStack();
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(json(), m_original);
        m_window->document()->markSaved();
        m_window.reset();
    }

    void nothingSelected()
    {
        scene()->clearSelection();
        QVERIFY(!inspector()->form());
        QVERIFY(inspector()->message().contains("Select a node or a link"));
    }

    void editorPerType_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("editorClass");
        QTest::addColumn<QString>("shown");
        QTest::newRow("int with unit") << "lb"
                                       << "health_check_interval_ms"
                                       << "infralab::NumberEditor"
                                       << "2000 ms";
        QTest::newRow("int set in the file") << "lb"
                                             << "port"
                                             << "infralab::NumberEditor"
                                             << "8080";
        QTest::newRow("double") << "app"
                                << "error_rate"
                                << "infralab::NumberEditor"
                                << "0";
        QTest::newRow("enum") << "lb"
                              << "algorithm"
                              << "infralab::EnumEditor"
                              << "round-robin";
        QTest::newRow("bool") << "lb"
                              << "forwarded_headers"
                              << "infralab::BoolEditor"
                              << "true";
        QTest::newRow("string") << "lb"
                                << "health_check_path"
                                << "infralab::TextEditor"
                                << "/";
        QTest::newRow("path") << "web-1"
                              << "root"
                              << "infralab::PathEditor"
                              << "";
        QTest::newRow("string list") << "web-1"
                                     << "forward_prefixes"
                                     << "infralab::ListEditor"
                                     << "/api/";
        QTest::newRow("request list") << "load"
                                      << "requests"
                                      << "infralab::ListEditor"
                                      << "GET / 1,GET /api/accounts/{n} 3";
    }

    void editorPerType()
    {
        QFETCH(QString, node);
        QFETCH(QString, key);
        QFETCH(QString, editorClass);
        QFETCH(QString, shown);
        scene()->selectNodes({node});
        ConfigForm *form = inspector()->form();
        QVERIFY(form);
        ValueEditor *editor = form->editor(key);
        QVERIFY(editor);
        QCOMPARE(editor->metaObject()->className(), editorClass.toLatin1());
        QVERIFY(form->label(key)->toolTip().contains("Default:"));
        if (auto *number = qobject_cast<NumberEditor *>(editor))
            QCOMPARE(number->spinBox()->text(), shown);
        else if (auto *choice = qobject_cast<EnumEditor *>(editor))
            QCOMPARE(choice->comboBox()->currentText(), shown);
        else if (auto *check = qobject_cast<BoolEditor *>(editor))
            QCOMPARE(check->checkBox()->isChecked() ? "true" : "false", shown);
        else if (auto *text = qobject_cast<TextEditor *>(editor))
            QCOMPARE(text->lineEdit()->text(), shown);
        else if (auto *path = qobject_cast<PathEditor *>(editor))
            QCOMPARE(path->lineEdit()->text(), shown);
        else if (auto *list = qobject_cast<ListEditor *>(editor)) {
            QStringList rows;
            for (int r = 0; r < list->table()->rowCount(); ++r) {
                QStringList cells;
                for (int c = 0; c < list->table()->columnCount(); ++c) {
                    if (!list->table()->item(r, c)->text().isEmpty())
                        cells.append(list->table()->item(r, c)->text());
                }
                rows.append(cells.join(' '));
            }
            QCOMPARE(rows.join(','), shown);
        }
    }

    // Rows read as the catalogue names the settings, with the file's key in the tooltip.
    void labelsAndKeyTooltips_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("label");
        QTest::newRow("unit in brackets") << "load"
                                          << "duration_s"
                                          << "Duration (s)";
        QTest::newRow("shared listener key") << "web-1"
                                             << "header_timeout_s"
                                             << "Header timeout (s)";
        QTest::newRow("no unit") << "lb"
                                 << "algorithm"
                                 << "Algorithm";
        QTest::newRow("port") << "lb"
                              << "port"
                              << "Port";
    }

    void labelsAndKeyTooltips()
    {
        QFETCH(QString, node);
        QFETCH(QString, key);
        QFETCH(QString, label);
        scene()->selectNodes({node});
        ConfigForm *form = inspector()->form();
        QVERIFY(form);
        QCOMPARE(form->label(key)->text(), label);
        QVERIFY2(form->label(key)->toolTip().contains("<code>" + key + "</code>"),
                 qPrintable(form->label(key)->toolTip()));
        QCOMPARE(form->editor(key)->toolTip(), form->label(key)->toolTip());
    }

    // Rows stand under group headers, the kind's own groups first, each key in its group.
    void rowsAreGrouped()
    {
        scene()->selectNodes({"lb"});
        ConfigForm *form = inspector()->form();
        QVERIFY(form);
        QStringList groups = form->groups();
        QCOMPARE(groups.first(), "Listening");
        for (const char *group : {"Balancing", "Health checks", "Timeouts", "Limits"})
            QVERIFY2(groups.contains(group), qPrintable(groups.join(QStringLiteral(", "))));
        QCOMPARE(groups.removeDuplicates(), 0);
        QVERIFY(form->keysInGroup("Listening").contains("port"));
        QVERIFY(form->keysInGroup("Health checks").contains("health_check_interval_ms"));
        QVERIFY(form->keysInGroup("Timeouts").contains("header_timeout_s"));
        QVERIFY(form->keysInGroup("Timeouts").contains("connect_timeout_ms"));
        QVERIFY(form->keysInGroup("Limits").contains("max_body_bytes"));
        // keys() follows the groups: all of one group before the next one's.
        QStringList byGroups;
        for (const QString &group : groups)
            byGroups += form->keysInGroup(group);
        QCOMPARE(form->keys(), byGroups);
        // Each header sits above its first row.
        const auto headers = form->findChildren<QLabel *>("configGroup");
        QCOMPARE(headers.size(), groups.size());
        for (QLabel *header : headers) {
            const QString first = form->keysInGroup(header->text()).constFirst();
            QVERIFY2(header->geometry().bottom() <= form->label(first)->geometry().top(),
                     qPrintable(header->text()));
        }
    }

    void schemaOrderAndDefaultMarker()
    {
        scene()->selectNodes({"lb"});
        ConfigForm *form = inspector()->form();
        QCOMPARE(form->keys().first(), "port");
        QVERIFY(form->keys().contains("sticky_cookie"));
        // port is set in the file, algorithm takes its default.
        QVERIFY(form->isSet("port"));
        QVERIFY(form->label("port")->font().bold());
        QVERIFY(form->resetButton("port")->isEnabled());
        QVERIFY(!form->isSet("algorithm"));
        QVERIFY(!form->label("algorithm")->font().bold());
        QVERIFY(!form->resetButton("algorithm")->isEnabled());
        auto *cookie = qobject_cast<TextEditor *>(form->editor("sticky_cookie"));
        QCOMPARE(cookie->lineEdit()->placeholderText(), "empty");
    }

    void typingIntoASpinBoxIsOneStep()
    {
        scene()->selectNodes({"lb"});
        QDoubleSpinBox *spin = numberEditor("health_check_interval_ms")->spinBox();
        spin->setFocus();
        spin->selectAll();
        const int before = stack()->count();
        QTest::keyClicks(spin, "1500");
        // Typed digits wait for Enter: the node never has 1, 15 or 150.
        QVERIFY(!node("lb").config.contains("health_check_interval_ms"));
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(node("lb").config.value("health_check_interval_ms").toInt(), 1500);
        QCOMPARE(stack()->count(), before + 1);
        QCOMPARE(spin->text(), "1500 ms");
        QVERIFY(inspector()->form()->isSet("health_check_interval_ms"));
        // The arrows apply at once, and a run of them is one step.
        QTest::keyClick(spin, Qt::Key_Up);
        QTest::keyClick(spin, Qt::Key_Up);
        QCOMPARE(node("lb").config.value("health_check_interval_ms").toInt(), 1502);
        QCOMPARE(stack()->count(), before + 2);
        stack()->undo();
        QCOMPARE(node("lb").config.value("health_check_interval_ms").toInt(), 1500);
        QCOMPARE(spin->text(), "1500 ms");
        stack()->undo();
        QCOMPARE(json(), m_original);
        QCOMPARE(spin->text(), "2000 ms");
    }

    void outOfRangeIsRefusedInline_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("message");
        QTest::newRow("port too high") << "lb"
                                       << "port"
                                       << "70000"
                                       << "70000 is outside 0..65535 (not applied)";
        QTest::newRow("negative retries") << "lb"
                                          << "retries"
                                          << "-1"
                                          << "-1 is outside 0..10 (not applied)";
        QTest::newRow("rate above one") << "app"
                                        << "error_rate"
                                        << "1.5"
                                        << "1.5 is outside 0..1 (not applied)";
    }

    void outOfRangeIsRefusedInline()
    {
        QFETCH(QString, node);
        QFETCH(QString, key);
        QFETCH(QString, typed);
        QFETCH(QString, message);
        scene()->selectNodes({node});
        NumberEditor *editor = numberEditor(key);
        QDoubleSpinBox *spin = editor->spinBox();
        QLabel *problem = inspector()->form()->problemLabel(key);
        spin->setFocus();
        spin->selectAll();
        const int before = stack()->count();
        QTest::keyClicks(spin, typed);
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(stack()->count(), before);
        QCOMPARE(json(), m_original);
        QVERIFY(problem->isVisible());
        QCOMPARE(problem->text(), message);
        QVERIFY(editor->isFlagged());
        // Another node changing does not wipe the refused value off the screen.
        m_window->document()->setNodePosition("db", QPointF(900, 150));
        QTRY_COMPARE_WITH_TIMEOUT(spin->cleanText(), typed, 1000);
        QCOMPARE(problem->text(), message);
        // Fixing it applies it and clears the message.
        spin->selectAll();
        QTest::keyClicks(spin, "1");
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(this->node(node).config.value(key).toDouble(), 1.0);
        QVERIFY(!problem->isVisible());
        QVERIFY(!editor->isFlagged());
        stack()->undo();
        m_window->document()->setNodePosition("db", QPointF(880, 140));
    }

    void validatorProblemsShowInline()
    {
        // A second load balancer on the same fixed port: the validator's clash message shows
        // under the port of the node it is reported for.
        scene()->selectNodes({"web-2"});
        QDoubleSpinBox *spin = numberEditor("port")->spinBox();
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, "8080");
        QTest::keyClick(spin, Qt::Key_Return);
        QLabel *problem = inspector()->form()->problemLabel("port");
        QTRY_VERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains("8080"), qPrintable(problem->text()));
        // Undone, the clash and its message are gone.
        stack()->undo();
        QTRY_VERIFY(!problem->isVisible());
    }

    // An edit in the form is validated once, whatever the run of keystrokes, and the
    // inspector reads that one result (no validation of its own); a description validates
    // nothing: the validator and the lints never read it.
    void oneValidationPerFormEdit_data()
    {
        using Gesture = std::function<void()>;
        QTest::addColumn<QString>("selection");
        QTest::addColumn<Gesture>("gesture");
        QTest::addColumn<int>("validations");
        const auto typeInto = [](QWidget *widget, const QString &text, bool enter) {
            widget->setFocus();
            if (auto *line = qobject_cast<QLineEdit *>(widget))
                line->selectAll();
            else if (auto *spin = qobject_cast<QAbstractSpinBox *>(widget))
                spin->selectAll();
            else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
                plain->selectAll();
            QTest::keyClicks(widget, text);
            if (enter)
                QTest::keyClick(widget, Qt::Key_Return);
        };
        QTest::newRow("port typed, clashing")
            << "web-2"
            << Gesture([=, this] { typeInto(numberEditor("port")->spinBox(), "8080", true); }) << 1;
        QTest::newRow("arrow steps") << "lb" << Gesture([this] {
            QDoubleSpinBox *spin = numberEditor("health_check_interval_ms")->spinBox();
            spin->setFocus();
            for (int i = 0; i < 4; ++i)
                QTest::keyClick(spin, Qt::Key_Up);
        }) << 1;
        QTest::newRow("path typed") << "lb" << Gesture([=, this] {
            typeInto(textEditor("health_check_path")->lineEdit(), "/healthz", false);
        }) << 1;
        QTest::newRow("combo") << "lb" << Gesture([this] {
            QComboBox *combo = qobject_cast<EnumEditor *>(form()->editor("algorithm"))->comboBox();
            combo->setFocus();
            QTest::keyClick(combo, Qt::Key_Down);
        }) << 1;
        QTest::newRow("name typed")
            << "db" << Gesture([=, this] { typeInto(inspector()->nameEdit(), "Main DB", false); })
            << 1;
        QTest::newRow("description typed") << "db" << Gesture([=, this] {
            typeInto(inspector()->descriptionEdit(), "Primary", false);
        }) << 0;
    }
    void oneValidationPerFormEdit()
    {
        QFETCH(QString, selection);
        QFETCH(std::function<void()>, gesture);
        QFETCH(int, validations);
        scene()->selectNodes({selection});
        DocumentValidation *validation = m_window->document()->validation();
        QVERIFY(!validation->isPending());
        QSignalSpy validated(validation, &DocumentValidation::validationChanged);
        const int steps = stack()->count();
        gesture();
        QCOMPARE(stack()->count(), steps + 1);
        QTRY_VERIFY(!validation->isPending());
        QCOMPARE(validated.count(), validations);
        if (QTest::currentDataTag() == QByteArray("port typed, clashing")) {
            QLabel *problem = form()->problemLabel("port");
            QVERIFY(problem->isVisible());
            QVERIFY2(problem->text().contains("8080"), qPrintable(problem->text()));
        }
    }

    void typingIntoALineEditMerges()
    {
        scene()->selectNodes({"lb"});
        QLineEdit *edit = textEditor("health_check_path")->lineEdit();
        edit->setFocus();
        edit->selectAll();
        const int before = stack()->count();
        QTest::keyClicks(edit, "/healthz");
        QCOMPARE(node("lb").config.value("health_check_path").toString(), "/healthz");
        QCOMPARE(stack()->count(), before + 1);
        QCOMPARE(edit->cursorPosition(), 8);
        // A new stretch of typing after leaving the field is a step of its own.
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, "2");
        QCOMPARE(node("lb").config.value("health_check_path").toString(), "/healthz2");
        QCOMPARE(stack()->count(), before + 2);
        stack()->undo();
        QCOMPARE(node("lb").config.value("health_check_path").toString(), "/healthz");
        QCOMPARE(edit->text(), "/healthz");
        stack()->undo();
        QCOMPARE(json(), m_original);
        QCOMPARE(edit->text(), "/");
    }

    void comboAndCheckBoxAreOneStepEach()
    {
        scene()->selectNodes({"lb"});
        QComboBox *combo = qobject_cast<EnumEditor *>(form()->editor("algorithm"))->comboBox();
        const int before = stack()->count();
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(node("lb").config.value("algorithm").toString(), "least-connections");
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(node("lb").config.value("algorithm").toString(), "ip-hash");
        QCOMPARE(stack()->count(), before + 2);

        QCheckBox *check
            = qobject_cast<BoolEditor *>(form()->editor("forwarded_headers"))->checkBox();
        QTest::mouseClick(check, Qt::LeftButton);
        QCOMPARE(node("lb").config.value("forwarded_headers"), QJsonValue(false));
        QCOMPARE(stack()->count(), before + 3);
        stack()->undo();
        QVERIFY(check->isChecked());
        QVERIFY(!node("lb").config.contains("forwarded_headers"));
    }

    void resetRemovesTheKey()
    {
        scene()->selectNodes({"lb"});
        QToolButton *reset = form()->resetButton("port");
        QVERIFY(reset->isEnabled());
        QTest::mouseClick(reset, Qt::LeftButton);
        QVERIFY(!node("lb").config.contains("port"));
        QCOMPARE(numberEditor("port")->spinBox()->text(), "0");
        QVERIFY(!form()->isSet("port"));
        QVERIFY(!reset->isEnabled());
        QVERIFY(!form()->label("port")->font().bold());
        // The file lost exactly that key.
        Topology expected = TopologyReader::parse(m_original).topology;
        expected.findNode(u"lb")->config.remove("port");
        QCOMPARE(json(), TopologyWriter::serialize(expected));
        stack()->undo();
        QCOMPARE(json(), m_original);
        QVERIFY(reset->isEnabled());
    }

    void multiSelectionEditsAllInOneStep()
    {
        scene()->selectNodes({"web-1", "web-2", "web-3"});
        QVERIFY(form());
        QCOMPARE(inspector()->title(), "3 nodes");
        QVERIFY(!inspector()->nameEdit()); // names are per node
        QCheckBox *gzip = qobject_cast<BoolEditor *>(form()->editor("gzip"))->checkBox();
        const int before = stack()->count();
        QTest::mouseClick(gzip, Qt::LeftButton);
        QCOMPARE(stack()->count(), before + 1);
        for (const char *id : {"web-1", "web-2", "web-3"})
            QCOMPARE(node(id).config.value("gzip"), QJsonValue(true));
        stack()->undo();
        QCOMPARE(json(), m_original);
    }

    void mixedValuesAreShownAsSuch()
    {
        scene()->selectNodes({"web-1"});
        QLineEdit *index = textEditor("index")->lineEdit();
        index->setFocus();
        index->selectAll();
        QTest::keyClicks(index, "home.html");
        QTest::mouseClick(qobject_cast<BoolEditor *>(form()->editor("gzip"))->checkBox(),
                          Qt::LeftButton);
        scene()->selectNodes({"web-1", "web-2"});
        TextEditor *text = textEditor("index");
        QVERIFY(text->isMixed());
        QCOMPARE(text->lineEdit()->text(), "");
        QCOMPARE(text->lineEdit()->placeholderText(), "Mixed values");
        QVERIFY(form()->isSet("index"));
        QCOMPARE(qobject_cast<BoolEditor *>(form()->editor("gzip"))->checkBox()->checkState(),
                 Qt::PartiallyChecked);
        // Typing into the mixed field sets both, as one step.
        const int before = stack()->count();
        text->lineEdit()->setFocus();
        QTest::keyClicks(text->lineEdit(), "a.html");
        QCOMPARE(stack()->count(), before + 1);
        QCOMPARE(node("web-1").config.value("index").toString(), "a.html");
        QCOMPARE(node("web-2").config.value("index").toString(), "a.html");
        QVERIFY(!text->isMixed());
        // A click on the mixed check box checks it everywhere.
        QCheckBox *gzip = qobject_cast<BoolEditor *>(form()->editor("gzip"))->checkBox();
        QTest::mouseClick(gzip, Qt::LeftButton);
        QCOMPARE(gzip->checkState(), Qt::Checked);
        QCOMPARE(node("web-2").config.value("gzip"), QJsonValue(true));
        // Differing kinds have no common form.
        scene()->selectNodes({"web-1", "lb"});
        QVERIFY(!form());
        QVERIFY(inspector()->message().contains("different kinds"));
    }

    void linkSettings()
    {
        scene()->clearSelection();
        scene()->linkItem("lb", "web-1")->setSelected(true);
        QVERIFY(form());
        QCOMPARE(inspector()->title(), "lb → web-1");
        QCOMPARE(form()->keys(), QStringList({"weight", "backup", "max_connections"}));
        QDoubleSpinBox *weight = numberEditor("weight")->spinBox();
        weight->setFocus();
        weight->selectAll();
        QTest::keyClicks(weight, "3");
        QTest::keyClick(weight, Qt::Key_Return);
        const Topology &topology = m_window->document()->topology();
        QCOMPARE(topology.links.at(topology.indexOfLink(u"lb", u"web-1")).config.value("weight"),
                 QJsonValue(3));
        QCOMPARE(scene()->linkItem("lb", "web-1")->label(), "weight 3");
        // Two links of the balancer at once, one step.
        scene()->linkItem("lb", "web-2")->setSelected(true);
        QCOMPARE(inspector()->title(), "2 links");
        QVERIFY(numberEditor("weight")->isMixed());
        const int before = stack()->count();
        QTest::mouseClick(qobject_cast<BoolEditor *>(form()->editor("backup"))->checkBox(),
                          Qt::LeftButton);
        QCOMPARE(stack()->count(), before + 1);
        QCOMPARE(topology.links.at(topology.indexOfLink(u"lb", u"web-2")).config.value("backup"),
                 QJsonValue(true));
        // A link from a web server has no settings.
        scene()->clearSelection();
        scene()->linkItem("web-1", "app")->setSelected(true);
        QVERIFY(!form());
        QVERIFY(inspector()->message().contains("no settings"));
    }

    void requestTable()
    {
        scene()->selectNodes({"load"});
        auto *list = qobject_cast<ListEditor *>(form()->editor("requests"));
        QTableWidget *table = list->table();
        QCOMPARE(table->columnCount(), 4);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), "Path");
        const int before = stack()->count();

        table->item(1, 1)->setText("/api/users/{n}");
        QJsonArray requests = node("load").config.value("requests").toArray();
        QCOMPARE(requests.at(1).toObject().value("path").toString(), "/api/users/{n}");
        QCOMPARE(stack()->count(), before + 1);

        // A bad path is refused with the validator's message.
        table->item(0, 1)->setText("index.html");
        QCOMPARE(stack()->count(), before + 1);
        QLabel *problem = form()->problemLabel("requests");
        QVERIFY(problem->isVisible());
        QCOMPARE(problem->text(),
                 "requests[0].path: \"index.html\" does not start with / (not applied)");
        table->item(0, 1)->setText("/index.html");
        QVERIFY(!problem->isVisible());
        QCOMPARE(stack()->count(), before + 2);

        table->item(0, 3)->setText("{\"a\":1}");
        requests = node("load").config.value("requests").toArray();
        QCOMPARE(requests.at(0).toObject().value("body").toString(), "{\"a\":1}");
        table->item(0, 2)->setData(Qt::EditRole, 5);
        requests = node("load").config.value("requests").toArray();
        QCOMPARE(requests.at(0).toObject().value("weight").toInt(), 5);

        QTest::mouseClick(list->addButton(), Qt::LeftButton);
        requests = node("load").config.value("requests").toArray();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(2).toObject(),
                 QJsonObject({{"method", "GET"}, {"path", "/"}, {"weight", 1}}));
        table->selectRow(0);
        QVERIFY(list->removeButton()->isEnabled());
        QTest::mouseClick(list->removeButton(), Qt::LeftButton);
        requests = node("load").config.value("requests").toArray();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).toObject().value("path").toString(), "/api/users/{n}");
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(stack()->count(), before + 6);
    }

    void editingKeysStayInTheInspector()
    {
        scene()->selectNodes({"load"});
        const int before = stack()->count();
        QComboBox *mode = qobject_cast<EnumEditor *>(form()->editor("mode"))->comboBox();
        mode->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_VERIFY(mode->hasFocus());
        // Delete on a focused combo box does not reach the canvas's Delete shortcut.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete);
        QVERIFY(m_window->document()->topology().findNode(u"load"));
        QCOMPARE(stack()->count(), before);
        // In the request table Delete removes the selected rows.
        auto *list = qobject_cast<ListEditor *>(form()->editor("requests"));
        list->table()->setFocus();
        QTRY_VERIFY(list->table()->hasFocus());
        list->table()->selectRow(0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete);
        QVERIFY(m_window->document()->topology().findNode(u"load"));
        QCOMPARE(node("load").config.value("requests").toArray().size(), 1);
        QCOMPARE(stack()->count(), before + 1);
    }

    void stringListTable()
    {
        scene()->selectNodes({"web-1"});
        auto *list = qobject_cast<ListEditor *>(form()->editor("forward_prefixes"));
        QTest::mouseClick(list->addButton(), Qt::LeftButton);
        list->table()->item(1, 0)->setText("/graphql");
        QCOMPARE(node("web-1").config.value("forward_prefixes").toArray(),
                 QJsonArray({"/api/", "/graphql"}));
    }

    void pathEditorTypesAndChooses()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath("site/docs"));
        const QString file = dir.filePath("lab.infralab.json");
        QVERIFY(m_window->fileActions()->saveTo(file));
        scene()->selectNodes({"web-1"});
        auto *path = qobject_cast<PathEditor *>(form()->editor("root"));
        QVERIFY(path);
        path->lineEdit()->setFocus();
        QTest::keyClicks(path->lineEdit(), "public");
        QCOMPARE(node("web-1").config.value("root").toString(), "public");

        QCOMPARE(path->storedPath(dir.filePath("site/docs")), "site/docs");
        QCOMPARE(path->storedPath("/usr/share/doc"), "/usr/share/doc");
        QFileDialog *dialog = path->choose(true);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->fileMode(), QFileDialog::Directory);
        emit dialog->fileSelected(dir.filePath("site"));
        QCOMPARE(node("web-1").config.value("root").toString(), "site");
        QCOMPARE(path->lineEdit()->text(), "site");
        dialog->close();
    }

    void nameAndDescription()
    {
        scene()->selectNodes({"db"});
        QLineEdit *name = inspector()->nameEdit();
        QVERIFY(name);
        QCOMPARE(name->text(), "Accounts database");
        name->setFocus();
        name->selectAll();
        const int before = stack()->count();
        QTest::keyClicks(name, "Main DB");
        QCOMPARE(node("db").name, "Main DB");
        QCOMPARE(stack()->count(), before + 1);
        QCOMPARE(inspector()->title(), "Main DB");

        QPlainTextEdit *description = inspector()->descriptionEdit();
        description->setFocus();
        description->selectAll();
        QTest::keyClicks(description, "Primary");
        QCOMPARE(node("db").description, "Primary");
        QCOMPARE(stack()->count(), before + 2);
        stack()->undo();
        QCOMPARE(description->toPlainText(), node("db").description);
        stack()->undo();
        QCOMPARE(name->text(), "Accounts database");
        QCOMPARE(json(), m_original);
    }

    void undoRedoRestoreIdenticalJson()
    {
        QList<QByteArray> states{json()};
        scene()->selectNodes({"lb"});
        QDoubleSpinBox *spin = numberEditor("port")->spinBox();
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, "9090");
        QTest::keyClick(spin, Qt::Key_Return);
        states.append(json());
        QTest::mouseClick(form()->resetButton("port"), Qt::LeftButton);
        states.append(json());
        QTest::mouseClick(
            qobject_cast<BoolEditor *>(form()->editor("forwarded_headers"))->checkBox(),
            Qt::LeftButton);
        states.append(json());
        scene()->selectNodes({"web-1", "web-2"});
        QLineEdit *index = textEditor("index")->lineEdit();
        index->setFocus();
        index->selectAll();
        QTest::keyClicks(index, "main.html");
        states.append(json());
        scene()->clearSelection();
        scene()->linkItem("lb", "web-3")->setSelected(true);
        QTest::mouseClick(qobject_cast<BoolEditor *>(form()->editor("backup"))->checkBox(),
                          Qt::LeftButton);
        states.append(json());

        QCOMPARE(stack()->count(), states.size() - 1);
        for (qsizetype i = states.size() - 1; i > 0; --i) {
            stack()->undo();
            QCOMPARE(json(), states.at(i - 1));
        }
        for (qsizetype i = 1; i < states.size(); ++i) {
            stack()->redo();
            QCOMPARE(json(), states.at(i));
        }
    }

    // Not a check: the editor with the three-tier example and the inspector on the balancer,
    // in a light and a dark palette, for a human to look at when INFRALAB_SCREENSHOT_DIR names
    // a folder (run under xvfb-run with QT_QPA_PLATFORM=xcb, QT_SCALE_FACTOR=2 for 2x).
    void screenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<QString>("selection");
        QTest::newRow("light") << false << "lb";
        QTest::newRow("dark") << true << "load";
        QTest::newRow("link") << false << "lb>web-2";
        QTest::newRow("live") << true << "app"; // a preview of the running lab's card states
    }

    void screenshots()
    {
        QFETCH(bool, dark);
        QFETCH(QString, selection);
        const QString dir = qEnvironmentVariable("INFRALAB_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set INFRALAB_SCREENSHOT_DIR to render screenshots");
        const QPalette original = QApplication::palette();
        if (dark) {
            QPalette palette;
            palette.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
            palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
            palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
            palette.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x31));
            palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
            palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9c, 0xa0));
            palette.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x41));
            palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
            palette.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
            palette.setColor(QPalette::HighlightedText, Qt::white);
            palette.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
            palette.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
            QApplication::setPalette(palette);
        }
        m_window->resize(1600, 1000);
        if (selection.contains('>')) {
            scene()->clearSelection();
            scene()
                ->linkItem(selection.section('>', 0, 0), selection.section('>', 1))
                ->setSelected(true);
        } else {
            scene()->selectNodes({selection});
        }
        if (selection == "lb") { // a refused value, flagged inline
            QDoubleSpinBox *spin = numberEditor("port")->spinBox();
            spin->setFocus();
            spin->selectAll();
            QTest::keyClicks(spin, "70000");
            QTest::keyClick(spin, Qt::Key_Return);
        }
        if (QTest::currentDataTag() == QByteArray("live")) {
            for (NodeItem *item : scene()->nodeItems()) {
                item->setRunState(NodeItem::RunState::Running);
                item->setBadge("120 req/s");
            }
            scene()->nodeItem("web-2")->setRunState(NodeItem::RunState::Degraded);
            scene()->nodeItem("web-2")->setBadge("12% errors");
            scene()->nodeItem("db")->setRunState(NodeItem::RunState::Failed);
            scene()->nodeItem("db")->setBadge("down");
        }
        QCoreApplication::processEvents(); // grab() paints what is pending itself
        const QString name = QStringLiteral("editor-%1%2.png")
                                 .arg(QTest::currentDataTag())
                                 .arg(qEnvironmentVariable("QT_SCALE_FACTOR") == "2" ? "-2x" : "");
        QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
        QApplication::setPalette(original);
    }

private:
    TopologyScene *scene() const { return m_window->scene(); }
    InspectorDock *inspector() const { return m_window->docks()->inspector(); }
    ConfigForm *form() const { return inspector()->form(); }
    QUndoStack *stack() const { return m_window->document()->undoStack(); }
    QByteArray json() const { return TopologyWriter::serialize(m_window->document()->topology()); }
    Node node(const QString &id) const { return *m_window->document()->topology().findNode(id); }
    NumberEditor *numberEditor(const QString &key) const
    {
        return qobject_cast<NumberEditor *>(form()->editor(key));
    }
    TextEditor *textEditor(const QString &key) const
    {
        return qobject_cast<TextEditor *>(form()->editor(key));
    }

    std::unique_ptr<MainWindow> m_window;
    QByteArray m_original;
};

QTEST_MAIN(tst_Inspector)
#include "tst_inspector.moc"
