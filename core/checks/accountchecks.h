#pragma once

#include "check.h"

#include <QPointer>

namespace llmdoctor::core {

class Exchange;
struct ExchangeResult;

// "Is the API address written correctly?": offline lint of the address as typed. Never blocks
// the network checks; fails only when the address cannot work as typed.
class BaseUrlFormatCheck final : public Check
{
    Q_OBJECT
public:
    explicit BaseUrlFormatCheck(QObject *parent = nullptr);

protected:
    void run() override;
    void abort() override {}
};

// "Does the API key look right?": offline lint of the key. Describes the key, never quotes it.
class ApiKeyFormatCheck final : public Check
{
    Q_OBJECT
public:
    explicit ApiKeyFormatCheck(QObject *parent = nullptr);

protected:
    void run() override;
    void abort() override {}
};

// "Is your API key accepted?": reads the answer to the model-list request the HTTP check made.
// When the lint found stray characters and the key was refused, asks once more with the cleaned
// key to tell whether cleaning fixes it.
class ApiKeyCheck final : public Check
{
    Q_OBJECT
public:
    explicit ApiKeyCheck(QObject *parent = nullptr);

protected:
    void run() override;
    void abort() override;

private:
    void finishWith(const ExchangeResult *cleanedAnswer);
    QPointer<Exchange> m_exchange;
};

// "Does a tiny test request work?": one completion with max_tokens 1, only when the user opted
// in (it may cost a fraction of a cent), and only for a model the server lists. Skipped
// otherwise: no POST is ever sent by default.
class TestRequestCheck final : public Check
{
    Q_OBJECT
public:
    explicit TestRequestCheck(QObject *parent = nullptr);

protected:
    void run() override;
    void abort() override;

private:
    QPointer<Exchange> m_exchange;
};

} // namespace llmdoctor::core
