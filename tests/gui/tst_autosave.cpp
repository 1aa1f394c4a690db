#include "actions/editactions.h"
#include "docks/editordocks.h"
#include "docks/problemsdock.h"
#include "document/commands/renamenodecommand.h"
#include "document/document.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"
#include "mainwindow/autosave.h"
#include "mainwindow/fileactions.h"
#include "mainwindow/mainwindow.h"
#include "validation/validator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

// Autosave and crash recovery on real main windows: the recovery file appears only with
// unsaved changes, goes away after a save, an undo back to the saved state, a discard and a
// replaced document, and stays when a window dies without closing (a simulated crash: the
// window is destroyed without close(), so nothing but the lock is released). The next window
// offers it and restores it exactly, validation errors and all, and the file stays until the
// recovered changes are saved or discarded. Then the real binary, killed with SIGKILL and
// restarted 20 times over, and the stale locks killed windows leave.
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

// The issue's steps: Ctrl+A, Ctrl+D. The copies of the balancer keep its fixed port 8080.
void duplicateEverything(MainWindow &window)
{
    window.editActions()->selectAll();
    window.editActions()->duplicate();
}

int errorCount(const Problems &problems)
{
    return int(std::count_if(problems.cbegin(), problems.cend(),
                             [](const Problem &p) { return p.isError(); }));
}

QStringList recoveryFiles(const QString &folder, const QString &pattern)
{
    return QDir(folder).entryList({pattern}, QDir::Files | QDir::Hidden, QDir::Name);
}

// The real `infralab` window, offscreen, in a home of its own (settings and recovery files
// under `home`), printing its status bar messages on stderr and answering every File dialog
// with `answer` (nobody can click offscreen).
class GuiProcess
{
public:
    GuiProcess(const QString &home, const QString &answer, const QStringList &arguments = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", home);
        env.insert("XDG_DATA_HOME", home + "/.local/share");
        env.insert("XDG_CONFIG_HOME", home + "/.config");
        env.insert("XDG_CACHE_HOME", home + "/.cache");
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("QT_NO_GLIB", "1");
        env.insert("QT_LOGGING_RULES", "infralab.status.info=true");
        env.insert("INFRALAB_DIALOG_ANSWER", answer);
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(INFRALAB_BINARY, arguments);
        m_process.waitForStarted(10000);
    }
    ~GuiProcess() { kill(); }

    static QString recoveryFolder(const QString &home)
    {
        return home + "/.local/share/InfraLab/infralab/recovery";
    }

    qint64 pid() const { return m_process.processId(); }
    bool running() const { return m_process.state() == QProcess::Running; }
    // Everything it printed on stderr so far.
    QString err()
    {
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        return m_err;
    }
    // SIGKILL, then reaped: a zombie would still count as a running owner of its locks.
    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(10000);
    }

private:
    QProcess m_process;
    QString m_err;
};

qint64 lockOwner(const QString &lockPath)
{
    qint64 pid = 0;
    QString host;
    QString application;
    QLockFile lock(lockPath);
    return lock.getLockInfo(&pid, &host, &application) ? pid : 0;
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
        // The file stays until the recovered changes are saved: the window autosaves into it,
        // should it die too, and no other window offers it meanwhile.
        QCOMPARE(next.autosave()->path(), path);
        QVERIFY(QFile::exists(path));
        QVERIFY(Autosave::orphans().isEmpty());
        QCOMPARE(recoveryFiles(Autosave::folder(), "*.json"),
                 QStringList{QFileInfo(path).fileName()});
        // Saving writes the recovered topology where it came from and removes the file.
        QVERIFY(next.fileActions()->save());
        QVERIFY(!QFile::exists(path));
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

    void damagedFileIsReportedAndKept_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("reason"); // part of the dialog's informative text
        QTest::newRow("nodes not an array")
            << QByteArray(R"({"format": "infralab-recovery", "topology": {"nodes": 3}})")
            << QString("format: missing");
        QTest::newRow("not json") << QByteArray("{\"format\": \"infralab-rec")
                                  << QString("damaged");
        QTest::newRow("newer topology version")
            << QByteArray(R"({"format": "infralab-recovery", "topology": )"
                          R"({"format": "infralab-topology", "version": 7, "nodes": []}})")
            << QString("version");
        QTest::newRow("duplicate id")
            << QByteArray(R"({"format": "infralab-recovery", "topology": )"
                          R"({"format": "infralab-topology", "version": 1, "nodes": )"
                          R"([{"id": "a", "kind": "cache"}, {"id": "a", "kind": "cache"}]}})")
            << QString("nodes[1].id: duplicate id");
    }

    void damagedFileIsReportedAndKept()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, reason);
        QDir().mkpath(Autosave::folder());
        const QString path = QDir(Autosave::folder()).filePath("broken.infralab-recovery.json");
        QFile broken(path);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(contents);
        broken.close();
        MainWindow next;
        QStringList titles;
        QString informative;
        next.fileActions()->setMessageBoxRunner([&](QMessageBox &box) {
            titles.append(box.windowTitle());
            informative = box.informativeText();
            return QMessageBox::Ok;
        });
        QVERIFY(!next.offerRecovery());
        QCOMPARE(titles, QStringList({"Recover Unsaved Changes?", "Recovery Failed"}));
        QVERIFY2(informative.contains(reason), qPrintable(informative));
        // Kept, and the message says where, so nothing is lost to a reader that cannot cope.
        QVERIFY(QFile::exists(path));
        QVERIFY2(informative.contains(QDir::toNativeSeparators(path)), qPrintable(informative));
        QVERIFY(next.statusBar()->currentMessage().contains(QDir::toNativeSeparators(path)));
        QVERIFY(next.document()->topology().nodes.isEmpty());
        QCOMPARE(Autosave::orphans().size(), 1); // offered again at the next start
        // Until the user discards it.
        next.fileActions()->setMessageBoxRunner([](QMessageBox &) { return QMessageBox::Discard; });
        QVERIFY(!next.offerRecovery());
        QVERIFY(!QFile::exists(path));
    }

    // The issue: Ctrl+A, Ctrl+D on the three-tier example (copies reuse port 8080), autosave,
    // crash, Recover. The work comes back with its problem listed, and its recovery file stays
    // until the user saves or discards it, whatever happens in between.
    void invalidDocumentIsRecovered_data()
    {
        QTest::addColumn<QString>("end");
        QTest::newRow("saved") << "save";
        QTest::newRow("discarded on close") << "close";
        QTest::newRow("discarded for a new document") << "new";
        QTest::newRow("crashes again, recovered again") << "crash";
    }

    void invalidDocumentIsRecovered()
    {
        QFETCH(QString, end);
        QByteArray edited;
        QString path;
        {
            MainWindow crashing;
            QVERIFY(crashing.openFile(file()));
            duplicateEverything(crashing);
            QCOMPARE(errorCount(validateTopology(crashing.document()->topology())), 1);
            crashing.autosave()->timer()->setInterval(20);
            path = crashing.autosave()->path();
            QTRY_VERIFY(QFile::exists(path));
            edited = json(crashing);
        }
        auto next = std::make_unique<MainWindow>();
        QStringList titles;
        int answer = QMessageBox::Ok;
        next->fileActions()->setMessageBoxRunner([&](QMessageBox &box) {
            titles.append(box.windowTitle());
            return answer;
        });
        QVERIFY(next->offerRecovery());
        QCOMPARE(titles, QStringList{"Recover Unsaved Changes?"});
        QCOMPARE(json(*next), edited);
        QVERIFY(next->document()->isModified());
        QCOMPARE(next->statusBar()->currentMessage(),
                 "Recovered unsaved changes to lab.infralab.json with 1 problem — see Problems");
        ProblemsDock *dock = next->docks()->problems();
        QTRY_COMPARE(errorCount(dock->problems()), 1);
        QVERIFY2(dock->problems().first().message.contains("port 8080 is already used"),
                 qPrintable(dock->problems().first().toString()));
        QVERIFY(QFile::exists(path));

        // An edit after the recovery goes into the same file.
        rename(*next, "lb", "Front door");
        QVERIFY(next->autosave()->saveNow());
        QCOMPARE(next->autosave()->path(), path);
        Topology inFile;
        QString original;
        QString error;
        QVERIFY2(Autosave::read(path, &inFile, &original, &error), qPrintable(error));
        QCOMPARE(TopologyWriter::serialize(inFile), json(*next));

        answer = QMessageBox::Discard;
        if (end == "save") {
            QVERIFY(next->fileActions()->save());
            QCOMPARE(next->statusBar()->currentMessage(),
                     "Saved lab.infralab.json with 1 problem — see Problems");
            QCOMPARE(TopologyWriter::serialize(TopologyReader::readFile(file()).topology),
                     json(*next));
            QVERIFY(!QFile::exists(path));
            // The saved file opens again, problems and all.
            MainWindow reopened;
            QVERIFY(reopened.openFile(file()));
            QCOMPARE(json(reopened), json(*next));
        } else if (end == "close") {
            QVERIFY(next->close());
            QVERIFY(!QFile::exists(path));
        } else if (end == "new") {
            QVERIFY(next->fileActions()->newFile());
            QVERIFY(!QFile::exists(path));
        } else {
            const QByteArray renamed = json(*next);
            next.reset(); // dies without closing
            QVERIFY(QFile::exists(path));
            MainWindow third;
            third.fileActions()->setMessageBoxRunner([](QMessageBox &) { return QMessageBox::Ok; });
            QVERIFY(third.offerRecovery());
            QCOMPARE(json(third), renamed);
            QCOMPARE(third.autosave()->path(), path);
            third.document()->markSaved();
            QVERIFY(!QFile::exists(path));
        }
        QVERIFY(Autosave::orphans().isEmpty());
    }

    void staleLocksAreRemoved()
    {
        QDir().mkpath(Autosave::folder());
        const QString folder = Autosave::folder();
        // A live window's lock stays, with or without a recovery file.
        auto living = std::make_unique<MainWindow>();
        QCOMPARE(recoveryFiles(folder, "*.lock").size(), 1);
        QCOMPARE(Autosave::removeStaleLocks(), 0);
        QCOMPARE(recoveryFiles(folder, "*.lock").size(), 1);
        // Something that is no lock file is left alone.
        QFile junk(QDir(folder).filePath("junk.infralab-recovery.json.lock"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.close();
        QCOMPARE(Autosave::removeStaleLocks(), 0);
        QVERIFY(junk.remove());
        living.reset();
        QVERIFY(recoveryFiles(folder, "*.lock").isEmpty()); // released on destruction
    }

    // The real binary: a window holding the issue's invalid document is killed with SIGKILL
    // and restarted, 20 times. Every start offers the recovery, recovers the work with its
    // problem, and takes the recovery file over; it survives every kill until discarded.
    void killedWindowRecoversInvalidWork()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString folder = GuiProcess::recoveryFolder(home.path());
        QVERIFY(QDir().mkpath(folder));
        const QString path = QDir(folder).filePath("issue-12.infralab-recovery.json");
        QByteArray edited;
        {
            // What the window autosaved after Ctrl+A, Ctrl+D: made by the same code, in process.
            MainWindow window;
            QVERIFY(window.openFile(file()));
            duplicateEverything(window);
            QVERIFY(window.autosave()->saveNow());
            QVERIFY(QFile::copy(window.autosave()->path(), path));
            edited = json(window);
            window.document()->markSaved();
        }

        QElapsedTimer elapsed;
        elapsed.start();
        const QString recovered
            = "Recovered unsaved changes to lab.infralab.json with 1 problem — see Problems";
        for (int round = 0; round < 20; ++round) {
            GuiProcess gui(home.path(), "ok");
            QTRY_VERIFY2_WITH_TIMEOUT(gui.err().contains(recovered) || !gui.running(),
                                      qPrintable(QString::number(round)), 20000);
            QVERIFY2(gui.err().contains(recovered), qPrintable(gui.err()));
            // Taken over: locked by this window, rewritten by it, the only file in the folder.
            QVERIFY(QFile::exists(path));
            QCOMPARE(lockOwner(path + ".lock"), gui.pid());
            QCOMPARE(recoveryFiles(folder, "*.json"), QStringList{QFileInfo(path).fileName()});
            QCOMPARE(recoveryFiles(folder, "*.lock"),
                     QStringList{QFileInfo(path).fileName() + ".lock"});
            Topology topology;
            QString original;
            QString error;
            QVERIFY2(Autosave::read(path, &topology, &original, &error), qPrintable(error));
            QCOMPARE(TopologyWriter::serialize(topology), edited);
            QCOMPARE(original, QDir::cleanPath(file()));
            QCOMPARE(errorCount(validateTopology(topology)), 1);
            gui.kill();
            QVERIFY(QFile::exists(path));
        }
        // An explicit discard is what removes it.
        GuiProcess gui(home.path(), "discard");
        QTRY_VERIFY_WITH_TIMEOUT(gui.err().contains("Discarded the recovered changes"), 20000);
        QVERIFY(!QFile::exists(path));
        gui.kill();
        qInfo("20 kill/restart rounds in %lld ms", qlonglong(elapsed.elapsed()));

        // The saved state opens in the real window too (it used to be refused).
        const QString saved = QDir(home.path()).filePath("saved.infralab.json");
        QFile out(saved);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(edited);
        out.close();
        GuiProcess opened(home.path(), "ok", {saved});
        QTRY_VERIFY_WITH_TIMEOUT(
            opened.err().contains("Opened saved.infralab.json with 1 problem — see Problems"),
            20000);
    }

    // Every window holds a lock from its start; 11 killed windows leave 11 stale ones, which
    // the next start removes (their owners are gone and there is nothing to recover).
    void killedWindowsLeaveNoStaleLocks()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString folder = GuiProcess::recoveryFolder(home.path());
        std::vector<std::unique_ptr<GuiProcess>> windows;
        for (int i = 0; i < 11; ++i)
            windows.push_back(std::make_unique<GuiProcess>(home.path(), "cancel"));
        const auto ownedLocks = [&folder] {
            int owned = 0;
            for (const QString &name : recoveryFiles(folder, "*.lock"))
                owned += lockOwner(QDir(folder).filePath(name)) != 0;
            return owned;
        };
        QTRY_COMPARE_WITH_TIMEOUT(ownedLocks(), 11, 30000);
        for (auto &window : windows)
            window->kill();
        QCOMPARE(recoveryFiles(folder, "*.lock").size(), 11);
        QVERIFY(recoveryFiles(folder, "*.json").isEmpty());

        // It removes the stale locks before it takes its own, so its own alone means done.
        GuiProcess next(home.path(), "cancel");
        const auto owners = [&folder] {
            QList<qint64> pids;
            for (const QString &name : recoveryFiles(folder, "*.lock"))
                pids.append(lockOwner(QDir(folder).filePath(name)));
            return pids;
        };
        QTRY_COMPARE_WITH_TIMEOUT(owners(), QList<qint64>{next.pid()}, 20000);
        QVERIFY(next.running());
        next.kill();
    }

private:
    QString file() const { return m_dir.filePath("lab.infralab.json"); }

    QTemporaryDir m_dir;
};

QTEST_MAIN(tst_Autosave)
#include "tst_autosave.moc"
