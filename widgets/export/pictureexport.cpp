#include "export/pictureexport.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>

namespace infralab {

namespace {

// Clears the selection (no highlight in the picture) and, for a selection export, hides every
// other item; the destructor puts both back.
class RenderState
{
    Q_DISABLE_COPY_MOVE(RenderState)

public:
    RenderState(QGraphicsScene *scene, bool selectionOnly)
        : m_selected(scene->selectedItems())
    {
        if (selectionOnly) {
            for (QGraphicsItem *item : scene->items()) {
                if (!item->isSelected() && item->isVisible() && !item->parentItem()) {
                    item->hide();
                    m_hidden.append(item);
                }
            }
        }
        scene->clearSelection();
    }
    ~RenderState()
    {
        for (QGraphicsItem *item : std::as_const(m_hidden))
            item->show();
        for (QGraphicsItem *item : std::as_const(m_selected))
            item->setSelected(true);
    }

private:
    QList<QGraphicsItem *> m_selected;
    QList<QGraphicsItem *> m_hidden;
};

void render(QGraphicsScene *scene, QPainter *painter, const QRectF &target, const QRectF &source)
{
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                            | QPainter::SmoothPixmapTransform);
    scene->render(painter, target, source);
}

} // namespace

QRectF PictureExport::sourceRect(const QGraphicsScene *scene, bool selectionOnly)
{
    QRectF rect;
    const QList<QGraphicsItem *> items = selectionOnly ? scene->selectedItems() : scene->items();
    for (const QGraphicsItem *item : items) {
        if (item->isVisible())
            rect = rect.united(item->sceneBoundingRect());
    }
    return rect.isEmpty() ? QRectF() : rect.adjusted(-Margin, -Margin, Margin, Margin);
}

bool PictureExport::write(QGraphicsScene *scene, const QString &fileName, bool selectionOnly,
                          QString *error)
{
    if (QFileInfo(fileName).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0)
        return writeSvg(scene, fileName, selectionOnly, error);
    return writePng(scene, fileName, selectionOnly, error);
}

bool PictureExport::writePng(QGraphicsScene *scene, const QString &fileName, bool selectionOnly,
                             QString *error)
{
    const QRectF source = sourceRect(scene, selectionOnly);
    if (source.isEmpty()) {
        *error = tr("There is nothing to export.");
        return false;
    }
    QImage image((source.size() * PngScale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(PngScale);
    image.fill(Qt::white);
    {
        const RenderState state(scene, selectionOnly);
        QPainter painter(&image);
        render(scene, &painter, QRectF(QPointF(0, 0), source.size()), source);
    }
    if (!image.save(fileName, "PNG")) {
        *error = tr("Could not write %1.").arg(QDir::toNativeSeparators(fileName));
        return false;
    }
    return true;
}

bool PictureExport::writeSvg(QGraphicsScene *scene, const QString &fileName, bool selectionOnly,
                             QString *error)
{
    const QRectF source = sourceRect(scene, selectionOnly);
    if (source.isEmpty()) {
        *error = tr("There is nothing to export.");
        return false;
    }
    QSvgGenerator generator;
    generator.setFileName(fileName);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("InfraLab topology"));
    {
        const RenderState state(scene, selectionOnly);
        QPainter painter;
        if (!painter.begin(&generator)) {
            *error = tr("Could not write %1.").arg(QDir::toNativeSeparators(fileName));
            return false;
        }
        render(scene, &painter, QRectF(QPointF(0, 0), source.size()), source);
    }
    if (QFileInfo(fileName).size() <= 0) {
        *error = tr("Could not write %1.").arg(QDir::toNativeSeparators(fileName));
        return false;
    }
    return true;
}

void PictureExport::exportWithDialog(QWidget *parent, QGraphicsScene *scene)
{
    const bool selectionOnly = !scene->selectedItems().isEmpty();
    const QString fileName = QFileDialog::getSaveFileName(
        parent, selectionOnly ? tr("Export Selection as Picture") : tr("Export Picture"), QString(),
        tr("PNG image (*.png);;SVG image (*.svg)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (!write(scene, fileName, selectionOnly, &error))
        QMessageBox::warning(parent, tr("Export Picture"), error);
}

} // namespace infralab
