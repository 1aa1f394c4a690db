#include "guimain.h"

#include "mainwindow/fileactions.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QMessageBox>
#include <QTimer>

namespace infralab {

namespace {

// Tests drive this binary offscreen, where nobody can click: INFRALAB_DIALOG_ANSWER=ok, discard
// or cancel answers every File dialog (the recovery offer among them) with that button.
void answerDialogsFromEnvironment(MainWindow &window)
{
    const QString answer = qEnvironmentVariable("INFRALAB_DIALOG_ANSWER");
    const QMessageBox::StandardButton button
        = answer == QLatin1String("ok")        ? QMessageBox::Ok
          : answer == QLatin1String("discard") ? QMessageBox::Discard
          : answer == QLatin1String("cancel")  ? QMessageBox::Cancel
                                               : QMessageBox::NoButton;
    if (button != QMessageBox::NoButton)
        window.fileActions()->setMessageBoxRunner([button](QMessageBox &) { return button; });
}

} // namespace

int runMainWindow(const QString &fileName)
{
    MainWindow window;
    answerDialogsFromEnvironment(window);
    // A file that cannot be opened is reported by the window itself; the window still
    // opens so the user can pick another one.
    if (!fileName.isEmpty())
        window.openFile(fileName);
    window.show();
    // After the window shows: what a crashed session left unsaved is offered first thing.
    QTimer::singleShot(0, &window, &MainWindow::offerRecovery);
    return QApplication::exec();
}

} // namespace infralab
