#include "document/commands/renamenodecommand.h"
#include "document/document.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"
#include "mainwindow/autosave.h"
#include "mainwindow/fileactions.h"
#include "mainwindow/mainwindow.h"

#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Autosave and crash recovery on real main windows: the recovery file appears only with
// unsaved changes, goes away after a save, an undo back to the saved state, a discard and a
// replaced document, and stays when a window dies without closing (a simulated crash: the
// window is destroyed without close(), so nothing but the lock is released). The next window
// offers it and restores it exactly.
using namespace infralab;

namespace {

QString examplePath(const QString &name)
{
    return QStringLiteral(INFRALAB_SOURCE_DIR "/resources/examples/") + name;
}

QByteArray json(const MainWindow &window)
{
    return TopologyWriter::serialize(window.document()->topology());
}

void rename(MainWindow &window, const QString &id, const QString &name)
{
    Document *document = window.document();
    document->undoStack()->push(new RenameNodeCommand(document, id, name, 0));
}

} // namespace

class tst_Autosave : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A folder of its own: tests running beside this one (ctest -j) keep theirs.
        QCoreApplication::setOrganizationName("InfraLab");
        QCoreApplication::setApplicationName("tst_autosave");
    }

    void init()
    {
        QSettings().clear();
        QDir(Autosave::folder()).removeRecursively();
        QVERIFY(m_dir.isValid());
        QFile::remove(file());
        QVERIFY(QFile::copy(examplePath("three-tier.infralab.json"), file()));
        QFile(file()).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void folderIsInAppData()
    {
        QVERIFY(Autosave::folder().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QCOMPARE(Autosave::IntervalMs, 30000);
    }

    void writesOnlyUnsavedChanges()
    {
        MainWindow window;
        QVERIFY(window.openFile(file()));
        Autosave *autosave = window.autosave();
        QVERIFY(autosave->timer()->isActive());
        QCOMPARE(autosave->timer()->interval(), Autosave::IntervalMs);
        QVERIFY(!autosave->saveNow());
        QVERIFY(!QFile::exists(autosave->path()));

        autosave->timer()->setInterval(20);
        rename(window, "lb", "Front door");
        QTRY_VERIFY(QFile::exists(autosave->path()));
        Topology recovered;
        QString original;
        QString error;
        QVERIFY(Autosave::read(autosave->path(), &recovered, &original, &error));
        QCOMPARE(TopologyWriter::serialize(recovered), json(window));
        QCOMPARE(original, QDir::cleanPath(file()));
        // Nothing new: the next tick writes nothing.
        const QDateTime written = QFileInfo(autosave->path()).lastModified();
        QVERIFY(!autosave->saveNow());
        QCOMPARE(QFileInfo(autosave->path()).lastModified(), written);
        // A live window's file is not offered to others.
        QVERIFY(Autosave::orphans().isEmpty());
        window.document()->markSaved();
    }

    void removedWhenNothingIsLeftToRecover_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("save") << "save";
        QTest::newRow("undo to the saved state") << "undo";
        QTest::newRow("discard on close") << "close";
        QTest::newRow("new document after discard") << "new";
    }

    void removedWhenNothingIsLeftToRecover()
    {
        QFETCH(QString, how);
        MainWindow window;
        window.fileActions()->setMessageBoxRunner(
            [](QMessageBox &) { return QMessageBox::Discard; });
        QVERIFY(window.openFile(file()));
        rename(window, "db", "Main DB");
        QVERIFY(window.autosave()->saveNow());
        const QString path = window.autosave()->path();
        QVERIFY(QFile::exists(path));
        if (how == "save")
            QVERIFY(window.fileActions()->save());
        else if (how == "undo")
            window.document()->undoStack()->undo();
        else if (how == "close")
            QVERIFY(window.close());
        else
            QVERIFY(window.fileActions()->newFile());
        QVERIFY(!QFile::exists(path));
        QVERIFY(Autosave::orphans().isEmpty());
    }

    void crashLeavesAFileThatIsOfferedAndRestored()
    {
        QByteArray edited;
        QString path;
        {
            auto crashing = std::make_unique<MainWindow>();
            QVERIFY(crashing->openFile(file()));
            rename(*crashing, "app", "Orders API");
            rename(*crashing, "web-2", "Web two");
            QVERIFY(crashing->autosave()->saveNow());
            edited = json(*crashing);
            path = crashing->autosave()->path();
            // The window dies without closing: no prompt, no cleanup but the lock.
        }
        QVERIFY(QFile::exists(path));
        const QList<RecoveryFile> orphans = Autosave::orphans();
        QCOMPARE(orphans.size(), 1);
        QCOMPARE(orphans.first().path, path);
        QCOMPARE(orphans.first().originalFile, QDir::cleanPath(file()));

        MainWindow next;
        QString asked;
        next.fileActions()->setMessageBoxRunner([&asked](QMessageBox &box) {
            asked = box.windowTitle() + " " + box.text();
            return QMessageBox::Ok;
        });
        QVERIFY(next.offerRecovery());
        QVERIFY(asked.contains("Recover Unsaved Changes?"));
        QVERIFY(asked.contains("lab.infralab.json"));
        QCOMPARE(json(next), edited);
        QVERIFY(next.document()->isModified());
        QVERIFY(next.isWindowModified());
        QCOMPARE(next.document()->fileName(), QDir::cleanPath(file()));
        QVERIFY(!QFile::exists(path));
        QVERIFY(QFile::exists(next.autosave()->path())); // its own, should it die too
        // Saving writes the recovered topology where it came from and removes the file.
        QVERIFY(next.fileActions()->save());
        QVERIFY(!QFile::exists(next.autosave()->path()));
        QCOMPARE(TopologyWriter::serialize(TopologyReader::readFile(file()).topology), edited);
        QVERIFY(!next.offerRecovery()); // nothing left
    }

    void laterKeepsDiscardRemoves()
    {
        QString path;
        {
            MainWindow crashing;
            QVERIFY(crashing.openFile(file()));
            rename(crashing, "lb", "Edge");
            QVERIFY(crashing.autosave()->saveNow());
            path = crashing.autosave()->path();
        }
        MainWindow next;
        next.fileActions()->setMessageBoxRunner([](QMessageBox &) { return QMessageBox::Cancel; });
        QVERIFY(!next.offerRecovery());
        QVERIFY(QFile::exists(path));
        next.fileActions()->setMessageBoxRunner([](QMessageBox &) { return QMessageBox::Discard; });
        QVERIFY(!next.offerRecovery());
        QVERIFY(!QFile::exists(path));
        QVERIFY(Autosave::orphans().isEmpty());
    }

    void damagedFileIsReportedAndRemoved()
    {
        QDir().mkpath(Autosave::folder());
        const QString path = QDir(Autosave::folder()).filePath("broken.infralab-recovery.json");
        QFile broken(path);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"format\": \"infralab-recovery\", \"topology\": {\"nodes\": 3}}");
        broken.close();
        MainWindow next;
        QStringList titles;
        next.fileActions()->setMessageBoxRunner([&titles](QMessageBox &box) {
            titles.append(box.windowTitle());
            return QMessageBox::Ok;
        });
        QVERIFY(!next.offerRecovery());
        QCOMPARE(titles, QStringList({"Recover Unsaved Changes?", "Recovery Failed"}));
        QVERIFY(!QFile::exists(path));
        QVERIFY(next.document()->topology().nodes.isEmpty());
    }

private:
    QString file() const { return m_dir.filePath("lab.infralab.json"); }

    QTemporaryDir m_dir;
};

QTEST_MAIN(tst_Autosave)
#include "tst_autosave.moc"
