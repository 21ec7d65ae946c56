// Serves case study images from the cache: image://cache/<image name>.
#pragma once

#include <QQuickImageProvider>

class LocalStore;

class CacheImageProvider : public QQuickImageProvider
{
public:
    explicit CacheImageProvider(LocalStore *store);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    LocalStore *m_store;
};
