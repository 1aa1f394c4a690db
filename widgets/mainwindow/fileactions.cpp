#include "mainwindow/fileactions.h"

#include "document/document.h"
#include "document/documentvalidation.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"
#include "mainwindow/autosave.h"
#include "mainwindow/recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

#include <algorithm>

namespace infralab {

namespace {

constexpr int MaxListedProblems = 10;
const QString FileSuffix = QStringLiteral(".infralab.json");
const QString LastDirectoryKey = QStringLiteral("lastDirectory");

QAction *makeAction(const QString &text, const QString &icon, QKeySequence::StandardKey key,
                    QObject *parent)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, parent);
    action->setShortcut(key);
    return action;
}

} // namespace

FileActions::FileActions(Document *document, RecentFiles *recentFiles, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_recentFiles(recentFiles)
    , m_window(window)
    , m_newAction(makeAction(tr("&New"), QStringLiteral("document-new"), QKeySequence::New, this))
    , m_openAction(
          makeAction(tr("&Open…"), QStringLiteral("document-open"), QKeySequence::Open, this))
    , m_saveAction(
          makeAction(tr("&Save"), QStringLiteral("document-save"), QKeySequence::Save, this))
    , m_saveAsAction(makeAction(tr("Save &As…"), QStringLiteral("document-save-as"),
                                QKeySequence::SaveAs, this))
    , m_quitAction(
          makeAction(tr("&Quit"), QStringLiteral("application-exit"), QKeySequence::Quit, this))
{
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_newAction, &QAction::triggered, this, &FileActions::newFile);
    connect(m_openAction, &QAction::triggered, this, &FileActions::open);
    connect(m_saveAction, &QAction::triggered, this, &FileActions::save);
    connect(m_saveAsAction, &QAction::triggered, this, &FileActions::saveAs);
    // Closing the window runs the same unsaved-changes prompt (MainWindow::closeEvent).
    connect(m_quitAction, &QAction::triggered, m_window, &QWidget::close);
    connect(m_recentFiles, &RecentFiles::fileTriggered, this, &FileActions::openFile);
}

bool FileActions::newFile()
{
    if (!maybeStopLab(tr("a new topology")) || !maybeSave())
        return false;
    m_document->reset(Topology(), QString());
    emit statusMessage(tr("New topology"));
    return true;
}

bool FileActions::open()
{
    const QString fileName = QFileDialog::getOpenFileName(m_window, tr("Open Topology"),
                                                          dialogDirectory(), fileFilter());
    return !fileName.isEmpty() && openFile(fileName);
}

bool FileActions::openFile(const QString &fileName)
{
    // Read before asking anything: a file that is no topology must not cost the open document.
    // A topology with validation errors opens; the Problems dock lists them.
    const ReadResult result = TopologyReader::readFile(fileName);
    if (!result.ok()) {
        reportOpenErrors(fileName, result.problems);
        return false;
    }
    if (!maybeStopLab(QFileInfo(fileName).fileName()) || !maybeSave())
        return false;

    const QString path = QDir::cleanPath(QFileInfo(fileName).absoluteFilePath());
    m_document->reset(result.topology, path);
    m_recentFiles->add(path);
    rememberDirectory(path);
    emit fileOpened(path);

    const QString name = QFileInfo(path).fileName();
    const Problems problems = validateFile(result, m_document->validation()->problems());
    if (hasErrors(problems)) {
        emit statusMessage(withProblems(tr("Opened %1").arg(name), problems));
    } else if (problems.isEmpty()) {
        emit statusMessage(tr("Opened %1").arg(name));
    } else {
        // Only warnings: mention the first one.
        const int count = int(problems.size());
        const QString first = problems.constFirst().toString();
        emit statusMessage(
            count == 1
                ? tr("Opened %1 with a warning: %2").arg(name, first)
                : tr("Opened %1 with %n warnings. First: %2", nullptr, count).arg(name, first));
    }
    return true;
}

QList<FileActions::Example> FileActions::examples()
{
    QList<Example> list;
    const QDir dir(QStringLiteral(":/examples"));
    const QStringList names
        = dir.entryList({QStringLiteral("*.infralab.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        Example example;
        example.path = dir.filePath(name);
        const ReadResult result = TopologyReader::readFile(example.path);
        example.name = result.topology.name.isEmpty() ? name : result.topology.name;
        example.description = result.topology.description;
        list.append(example);
    }
    return list;
}

void FileActions::fillExamplesMenu(QMenu *menu)
{
    menu->setToolTipsVisible(true);
    const QList<Example> list = examples();
    if (list.isEmpty())
        menu->addAction(tr("No examples"))->setEnabled(false);
    for (const Example &example : list) {
        QString text = example.name;
        text.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = menu->addAction(text);
        action->setData(example.path);
        action->setToolTip(example.description);
        action->setStatusTip(example.description);
        connect(action, &QAction::triggered, this,
                [this, path = example.path] { openExample(path); });
    }
}

bool FileActions::openExample(const QString &resourcePath)
{
    const ReadResult result = TopologyReader::readFile(resourcePath);
    if (!result.ok()) {
        reportOpenErrors(resourcePath, result.problems);
        return false;
    }
    const QString name = result.topology.name.isEmpty() ? QFileInfo(resourcePath).fileName()
                                                        : result.topology.name;
    if (!maybeStopLab(name) || !maybeSave())
        return false;
    // Untitled: the bundled file cannot be written, and Save should ask where the copy goes.
    m_document->reset(result.topology, QString());
    emit statusMessage(withProblems(
        tr("Opened the example “%1”; Save As… keeps a copy").arg(name),
        m_document->validation()->problems()));
    return true;
}

bool FileActions::maybeStopLab(const QString &target)
{
    if (!m_lab.isActive || !m_lab.isActive())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Stop the Lab?"),
                    tr("Stop the lab and open %1?").arg(target),
                    QMessageBox::Ok | QMessageBox::Cancel, m_window);
    box.setInformativeText(tr("The running lab belongs to %1. Its nodes stop, callers first, "
                              "and its events, statistics and charts are cleared.")
                               .arg(m_document->displayName()));
    // A standard button with our word, so the answer is a StandardButton for any runner.
    box.button(QMessageBox::Ok)->setText(tr("&Stop Lab"));
    box.setDefaultButton(QMessageBox::Ok);
    if (run(box) != QMessageBox::Ok)
        return false;
    if (m_lab.stopAndWait && !m_lab.stopAndWait()) {
        emit statusMessage(tr("The lab did not stop in time; %1 was not opened").arg(target));
        return false;
    }
    return true;
}

bool FileActions::save()
{
    if (m_document->fileName().isEmpty())
        return saveAs();
    return saveTo(m_document->fileName());
}

bool FileActions::saveAs()
{
    QString start = m_document->fileName();
    if (start.isEmpty())
        start = QDir(dialogDirectory()).filePath(tr("untitled") + FileSuffix);
    QString fileName
        = QFileDialog::getSaveFileName(m_window, tr("Save Topology As"), start, fileFilter());
    if (fileName.isEmpty())
        return false;
    if (!fileName.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        fileName += FileSuffix;
    return saveTo(fileName);
}

bool FileActions::saveTo(const QString &fileName)
{
    const QString path = QDir::cleanPath(QFileInfo(fileName).absoluteFilePath());
    QString error;
    if (!TopologyWriter::writeFile(m_document->topology(), path, &error)) {
        QMessageBox box(QMessageBox::Critical, tr("Save Failed"),
                        tr("Could not save %1.").arg(QDir::toNativeSeparators(path)),
                        QMessageBox::Ok, m_window);
        box.setInformativeText(error.isEmpty() ? tr("The file could not be written.") : error);
        run(box);
        emit statusMessage(tr("Could not save %1").arg(QFileInfo(path).fileName()));
        return false;
    }
    m_document->setFileName(path);
    m_document->markSaved();
    m_recentFiles->add(path);
    rememberDirectory(path);
    // Saving a topology with errors is the user's choice; say so, since Run will refuse it.
    emit statusMessage(withProblems(tr("Saved %1").arg(QFileInfo(path).fileName()),
                                    m_document->validation()->upToDate().problems()));
    return true;
}

bool FileActions::maybeSave()
{
    if (!m_document->isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    tr("%1 has unsaved changes.").arg(m_document->displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setInformativeText(tr("Do you want to save them?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (run(box)) {
    case QMessageBox::Save: return save();
    case QMessageBox::Discard: return true;
    default: return false;
    }
}

bool FileActions::offerRecovery(Autosave *autosave)
{
    const QList<RecoveryFile> orphans = Autosave::orphans();
    if (orphans.isEmpty())
        return false;
    const RecoveryFile &file = orphans.constFirst();
    const QString name = file.originalFile.isEmpty() ? tr("an untitled topology")
                                                     : QDir::toNativeSeparators(file.originalFile);
    QMessageBox box(
        QMessageBox::Question, tr("Recover Unsaved Changes?"),
        tr("InfraLab did not close normally. Unsaved changes to %1 from %2 can be "
           "recovered.")
            .arg(name, QLocale().toString(file.saved.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::Ok | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setInformativeText(tr("Recover them now, discard them, or decide at the next start."));
    // Standard buttons with our words, so the answer is a StandardButton for any runner.
    box.button(QMessageBox::Ok)->setText(tr("&Recover"));
    box.button(QMessageBox::Cancel)->setText(tr("&Later"));
    box.setDefaultButton(QMessageBox::Ok);
    const int answer = run(box);
    if (answer == QMessageBox::Discard) {
        Autosave::remove(file.path);
        emit statusMessage(tr("Discarded the recovered changes"));
        return false;
    }
    if (answer != QMessageBox::Ok)
        return false; // later: the file stays for the next start
    if (!maybeSave())
        return false;

    Topology topology;
    QString originalFile;
    QString error;
    const QString where = QDir::toNativeSeparators(file.path);
    if (!Autosave::read(file.path, &topology, &originalFile, &error)) {
        // The file stays: it may be the only copy of the work, and another InfraLab (or a
        // person) may read what this one cannot. Discard at the next start removes it.
        QMessageBox failed(QMessageBox::Warning, tr("Recovery Failed"),
                           tr("The unsaved changes could not be recovered."), QMessageBox::Ok,
                           m_window);
        failed.setInformativeText(tr("%1\n\nThe recovery file is kept at %2.").arg(error, where));
        run(failed);
        emit statusMessage(tr("Recovery failed; the recovery file is kept at %1").arg(where));
        return false;
    }
    m_document->reset(topology, originalFile);
    m_document->markUnsaved();
    // The recovered changes are still unsaved: their file goes only when they are saved or
    // discarded, and this window keeps it current should it die too.
    autosave->adopt(file.path);
    emit statusMessage(
        withProblems(tr("Recovered unsaved changes to %1").arg(m_document->displayName()),
                     m_document->validation()->problems())); // validated by reset()
    return true;
}

void FileActions::setMessageBoxRunner(MessageBoxRunner runner)
{
    m_runner = std::move(runner);
}

void FileActions::setLabControl(LabControl control)
{
    m_lab = std::move(control);
}

QString FileActions::fileFilter()
{
    return tr("InfraLab topologies (*.infralab.json);;JSON files (*.json);;All files (*)");
}

QString FileActions::withProblems(const QString &message, const Problems &problems)
{
    const int errors = int(std::count_if(problems.cbegin(), problems.cend(),
                                         [](const Problem &p) { return p.isError(); }));
    if (errors == 0)
        return message;
    // Whole phrases for one, so English reads right without a numerus translation loaded.
    return errors == 1 ? tr("%1 with 1 problem — see Problems").arg(message)
                       : tr("%1 with %n problems — see Problems", nullptr, errors).arg(message);
}

int FileActions::run(QMessageBox &box)
{
    return m_runner ? m_runner(box) : box.exec();
}

void FileActions::reportOpenErrors(const QString &fileName, const Problems &problems)
{
    QStringList errors;
    for (const Problem &problem : problems) {
        if (problem.isError())
            errors.append(problem.toString());
    }
    QStringList listed = errors.mid(0, MaxListedProblems);
    if (errors.size() > MaxListedProblems)
        listed.append(tr("… and %n more.", nullptr, int(errors.size() - MaxListedProblems)));

    const QString name = QFileInfo(fileName).fileName();
    QMessageBox box(QMessageBox::Warning, tr("Could Not Open Topology"),
                    tr("Could not open %1.").arg(name), QMessageBox::Ok, m_window);
    box.setInformativeText(listed.join(QLatin1Char('\n')));
    QStringList all;
    for (const Problem &problem : problems)
        all.append(problem.toString());
    box.setDetailedText(all.join(QLatin1Char('\n')));
    run(box);
    emit statusMessage(tr("Could not open %1").arg(name));
}

QString FileActions::dialogDirectory() const
{
    if (!m_document->fileName().isEmpty())
        return QFileInfo(m_document->fileName()).absolutePath();
    const QString last = QSettings().value(LastDirectoryKey).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void FileActions::rememberDirectory(const QString &fileName)
{
    QSettings().setValue(LastDirectoryKey, QFileInfo(fileName).absolutePath());
}

} // namespace infralab
