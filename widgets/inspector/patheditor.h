#pragma once

#include "inspector/valueeditor.h"

class QFileDialog;
class QLineEdit;
class QToolButton;

namespace infralab {

// Path keys: a line edit with a "…" button that opens a folder or a file chooser. A chosen
// path inside the topology file's folder is stored relative to it (relative paths resolve
// against that folder), so a lab folder can move as a whole. The chooser is window-modal but
// not exec()'d, so nothing blocks and tests can drive it.
class PathEditor final : public ValueEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PathEditor)

public:
    PathEditor(const ConfigKey &key, const QString &baseFolder, QWidget *parent = nullptr);

    QJsonValue value() const override;
    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *browseButton() const { return m_browse; }

    // Opens the chooser for a folder or a file; the choice is reported like typing.
    QFileDialog *choose(bool folder);
    // `path` as it is stored: relative when inside the base folder.
    QString storedPath(const QString &path) const;

protected:
    void display(const QJsonValue &value) override;
    void displayMixed() override;
    QWidget *textWidget() override;

private:
    QString m_baseFolder;
    QLineEdit *m_edit;
    QToolButton *m_browse;
    QString m_placeholder;
};

} // namespace infralab
