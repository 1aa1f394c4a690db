#pragma once

#include <QCoreApplication>
#include <QRectF>
#include <QString>

class QGraphicsScene;
class QWidget;

namespace infralab {

// File › Export Picture…: the canvas, or only its selection, as a PNG (rendered at twice the
// device pixel ratio, so it stays sharp on high-DPI screens and in slides) or as an SVG (vectors,
// via QSvgGenerator). Items are drawn as they look, without selection highlights; with
// `selectionOnly` everything not selected is left out.
class PictureExport
{
    Q_DECLARE_TR_FUNCTIONS(PictureExport)

public:
    static constexpr qreal Margin = 24;
    static constexpr qreal PngScale = 2;

    // The scene area that would be exported, empty when there is nothing to draw.
    static QRectF sourceRect(const QGraphicsScene *scene, bool selectionOnly);

    // Writes by the file name's suffix (.png or .svg); false with `error` set on failure.
    static bool write(QGraphicsScene *scene, const QString &fileName, bool selectionOnly,
                      QString *error);
    static bool writePng(QGraphicsScene *scene, const QString &fileName, bool selectionOnly,
                         QString *error);
    static bool writeSvg(QGraphicsScene *scene, const QString &fileName, bool selectionOnly,
                         QString *error);

    // Asks for a file name (the selection when there is one) and exports; errors go to a box.
    static void exportWithDialog(QWidget *parent, QGraphicsScene *scene);
};

} // namespace infralab
