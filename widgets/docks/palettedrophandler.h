#pragma once

#include <QObject>

class QGraphicsView;

namespace infralab {

class Document;

// Lets the canvas accept kinds dragged from the palette: installed on the view's viewport, it
// accepts drags carrying PaletteDock::MimeType and turns a drop into an AddNodeCommand at the
// drop point. Everything else goes on to the view.
class PaletteDropHandler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaletteDropHandler)

public:
    PaletteDropHandler(Document *document, QGraphicsView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Document *m_document;
    QGraphicsView *m_view;
};

} // namespace infralab
