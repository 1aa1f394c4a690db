#pragma once

#include "validation/problem.h"

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QMenu;
class QMessageBox;
class QWidget;

namespace infralab {

class Autosave;
class Document;
class RecentFiles;

// The File menu's behaviour: New, Open…, Save, Save As… and Quit, with the "save your
// changes?" prompt before anything would discard unsaved edits. Opening reads the whole file
// first; a file that is no readable topology is reported in a dialog and never replaces the
// open document. A topology with validation errors (a port used twice) is the user's work: it
// opens, saves and recovers like any other, its errors listed in the Problems dock and counted
// in the status bar. Every dialog goes through one runner, which tests replace to stay
// non-modal. While the lab runs, replacing the document (New, Open, Open Recent, Open Example,
// a dropped file) first asks "Stop the lab and open …?" (LabControl): Cancel keeps both, Stop
// stops the lab and waits for it before the new document comes in, so nothing of the old lab
// lands in the new one.
class FileActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileActions)

public:
    // Shows `box` and returns the clicked QMessageBox::StandardButton.
    using MessageBoxRunner = std::function<int(QMessageBox &box)>;

    // How the file actions see the running lab (MainWindow wires it to the live docks).
    struct LabControl
    {
        std::function<bool()> isActive;
        // Stops the lab and returns once it stopped; false when it did not stop in time.
        std::function<bool()> stopAndWait;
    };

    // A topology bundled with the application (:/examples/), for File › Open Example.
    struct Example
    {
        QString path; // the resource path
        QString name; // the topology's name, else the file name
        QString description;
    };
    static QList<Example> examples(); // by file name

    FileActions(Document *document, RecentFiles *recentFiles, QWidget *window);

    QAction *newAction() const { return m_newAction; }
    QAction *openAction() const { return m_openAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAsAction() const { return m_saveAsAction; }
    QAction *quitAction() const { return m_quitAction; }

    bool newFile();
    bool open(); // asks for a file
    bool openFile(const QString &fileName);
    // Opens a bundled example as a new, untitled document (Save As keeps a copy).
    bool openExample(const QString &resourcePath);
    // One entry per example: its name, its description as tooltip and status tip.
    void fillExamplesMenu(QMenu *menu);
    bool save();
    bool saveAs(); // asks for a file name
    bool saveTo(const QString &fileName);
    // Save/Discard/Cancel when the document has unsaved changes; false means "stop".
    bool maybeSave();
    // While the lab runs: "Stop the lab and open `target`?" Stop/Cancel. True when the lab is
    // not running (any more).
    bool maybeStopLab(const QString &target);
    // After a crash: offers the newest recovery file another window left behind. Recover
    // puts it in this window, unsaved, under its original file name, and keeps the file until
    // the changes are saved or discarded (Autosave::adopt); Discard deletes it; Later keeps it
    // for the next start. A file that cannot be read is kept too, and its path shown. True
    // when a topology was recovered.
    bool offerRecovery(Autosave *autosave);

    void setMessageBoxRunner(MessageBoxRunner runner);
    void setLabControl(LabControl control);
    static QString fileFilter();

signals:
    void statusMessage(const QString &message);
    void fileOpened(const QString &fileName);

private:
    int run(QMessageBox &box);
    // `message`, plus "with N problems — see Problems" when `problems` holds errors.
    static QString withProblems(const QString &message, const Problems &problems);
    void reportOpenErrors(const QString &fileName, const Problems &problems);
    QString dialogDirectory() const;
    void rememberDirectory(const QString &fileName);

    Document *m_document;
    RecentFiles *m_recentFiles;
    QWidget *m_window;
    QAction *m_newAction;
    QAction *m_openAction;
    QAction *m_saveAction;
    QAction *m_saveAsAction;
    QAction *m_quitAction;
    MessageBoxRunner m_runner;
    LabControl m_lab;
};

} // namespace infralab
