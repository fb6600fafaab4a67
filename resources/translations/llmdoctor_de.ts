<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>HTML page, one file to send or open in a browser (*.html)</source>
        <translation>HTML-Seite: eine Datei zum Verschicken oder Öffnen im Browser (*.html)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown, to paste into an issue or a support form (*.md)</source>
        <translation>Markdown, zum Einfügen in ein Issue oder ein Support-Formular (*.md)</translation>
    </message>
    <message>
        <source>JSON, for scripts (*.json)</source>
        <translation>JSON, für Skripte (*.json)</translation>
    </message>
    <message>
        <source>HAR, every HTTP request, for browser developer tools (*.har)</source>
        <translation>HAR: jede HTTP-Anfrage, für die Entwicklerwerkzeuge des Browsers (*.har)</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>Reiner Text (*.txt)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not end in a report type llmdoctor writes (.html, .pdf, .md, .json, .har or .txt)</source>
        <translation>„%1“ endet nicht auf einen Berichtstyp, den llmdoctor schreibt (.html, .pdf, .md, .json, .har oder .txt)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Den Bericht speichern</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::CheckRow</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Technical details for: %1</source>
        <translation>Technische Details zu: %1</translation>
    </message>
    <message>
        <source>What the server sent back, for: %1</source>
        <translation>Was der Server zurückgeschickt hat, zu: %1</translation>
    </message>
    <message>
        <source>Waiting for its turn.</source>
        <translation>Wartet, bis er an der Reihe ist.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Worth a look</source>
        <translation>Einen Blick wert</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Cancelled: this step did not finish.</source>
        <translation>Abgebrochen: Dieser Schritt wurde nicht fertig.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>insgesamt %1</translation>
    </message>
    <message>
        <source>this step took %1</source>
        <translation>dieser Schritt dauerte %1</translation>
    </message>
    <message>
        <source>Timings: %1</source>
        <translation>Zeiten: %1</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::ChecksPage</name>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Checks done</source>
        <translation>Erledigte Prüfungen</translation>
    </message>
    <message>
        <source>The checks, one per line</source>
        <translation>Die Prüfungen, eine pro Zeile</translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation>%1 wird geprüft</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Beginnt …</translation>
    </message>
    <message>
        <source>Checks of %1</source>
        <translation>Prüfungen für %1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing can be concluded from an incomplete run: run the checks again and let them finish.</source>
        <translation>Abgebrochen. Aus einem unvollständigen Durchlauf lässt sich nichts schließen: Starten Sie die Prüfungen erneut und lassen Sie sie zu Ende laufen.</translation>
    </message>
    <message>
        <source>Done: one step found a problem. &quot;See the verdict&quot; explains what it means.</source>
        <translation>Fertig: Ein Schritt hat ein Problem gefunden. „Befund ansehen“ erklärt, was es bedeutet.</translation>
    </message>
    <message>
        <source>Done: %1 steps found a problem. &quot;See the verdict&quot; explains what it means.</source>
        <translation>Fertig: %1 Schritte haben ein Problem gefunden. „Befund ansehen“ erklärt, was es bedeutet.</translation>
    </message>
    <message>
        <source>Done: nothing failed, but something is worth a look. &quot;See the verdict&quot; explains.</source>
        <translation>Fertig: Nichts ist fehlgeschlagen, aber etwas ist einen Blick wert. „Befund ansehen“ erklärt es.</translation>
    </message>
    <message>
        <source>Done: every step worked. &quot;See the verdict&quot; sums it up.</source>
        <translation>Fertig: Jeder Schritt hat funktioniert. „Befund ansehen“ fasst es zusammen.</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::ErrorPage</name>
    <message>
        <source>What this error means</source>
        <translation>Was dieser Fehler bedeutet</translation>
    </message>
    <message>
        <source>The message you pasted</source>
        <translation>Die eingefügte Meldung</translation>
    </message>
    <message>
        <source>The error message you pasted</source>
        <translation>Die eingefügte Fehlermeldung</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>Was Sie als Nächstes tun können</translation>
    </message>
    <message>
        <source>&quot;Run the checks&quot; now tests the connection step by step, to confirm this or find another cause.</source>
        <translation>„Prüfungen starten“ testet jetzt die Verbindung Schritt für Schritt, um das zu bestätigen oder eine andere Ursache zu finden.</translation>
    </message>
    <message>
        <source>llmdoctor cannot tell which program wrote this message.</source>
        <translation>llmdoctor kann nicht sagen, welches Programm diese Meldung geschrieben hat.</translation>
    </message>
    <message>
        <source>This message was written by: %1.</source>
        <translation>Diese Meldung stammt von: %1.</translation>
    </message>
    <message>
        <source>Who should act: %1</source>
        <translation>Wer handeln sollte: %1</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::ExportPage</name>
    <message>
        <source>Send a report</source>
        <translation>Einen Bericht senden</translation>
    </message>
    <message>
        <source>Give whoever can fix it everything llmdoctor found. Copy the message below into an e-mail or a support form, and attach the report.</source>
        <translation>Geben Sie der Person, die das Problem beheben kann, alles, was llmdoctor gefunden hat. Kopieren Sie die Nachricht unten in eine E-Mail oder ein Support-Formular und hängen Sie den Bericht an.</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Zu sendende Nachricht</translation>
    </message>
    <message>
        <source>&amp;Copy the message</source>
        <translation>Nachricht &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy a summar&amp;y of the checks</source>
        <translation>&amp;Zusammenfassung der Prüfungen kopieren</translation>
    </message>
    <message>
        <source>The verdict and every check&apos;s result as text.</source>
        <translation>Der Befund und das Ergebnis jeder Prüfung als Text.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Den Bericht speichern</translation>
    </message>
    <message>
        <source>&amp;HTML page</source>
        <translation>&amp;HTML-Seite</translation>
    </message>
    <message>
        <source>one file to attach or open in a browser, with the charts</source>
        <translation>eine Datei zum Anhängen oder Öffnen im Browser, mit den Diagrammen</translation>
    </message>
    <message>
        <source>P&amp;DF document</source>
        <translation>P&amp;DF-Dokument</translation>
    </message>
    <message>
        <source>the same, on printable pages</source>
        <translation>dasselbe, auf druckbaren Seiten</translation>
    </message>
    <message>
        <source>&amp;Markdown</source>
        <translation>&amp;Markdown</translation>
    </message>
    <message>
        <source>to paste into a GitHub issue or a support form</source>
        <translation>zum Einfügen in ein GitHub-Issue oder ein Support-Formular</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>for scripts and tools</source>
        <translation>für Skripte und Werkzeuge</translation>
    </message>
    <message>
        <source>HA&amp;R</source>
        <translation>HA&amp;R</translation>
    </message>
    <message>
        <source>every HTTP request, opens in a browser&apos;s developer tools</source>
        <translation>jede HTTP-Anfrage; lässt sich in den Entwicklerwerkzeugen eines Browsers öffnen</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>plain text for an e-mail</source>
        <translation>reiner Text für eine E-Mail</translation>
    </message>
    <message>
        <source>Save as %1</source>
        <translation>Als %1 speichern</translation>
    </message>
    <message>
        <source>For whoever maintains your app or server</source>
        <translation>Für die Person, die Ihre App oder Ihren Server betreut</translation>
    </message>
    <message>
        <source>A command that repeats the request with curl, so they can see the failure themselves. It reads the key from an environment variable; the key is not in it.</source>
        <translation>Ein Befehl, der die Anfrage mit curl wiederholt, damit sie den Fehler selbst sehen kann. Er liest den Schlüssel aus einer Umgebungsvariablen; der Schlüssel steht nicht darin.</translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation>Als c&amp;url kopieren</translation>
    </message>
    <message>
        <source>Copied the message ✓</source>
        <translation>Nachricht kopiert ✓</translation>
    </message>
    <message>
        <source>Send it to: %1</source>
        <translation>Senden an: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>No API key was used, so none can be in it.</source>
        <translation>Es wurde kein API-Schlüssel verwendet, also kann auch keiner darin stehen.</translation>
    </message>
    <message>
        <source>Your API key appears only as %1: enough to tell which key it was, not enough to use it.</source>
        <translation>Ihr API-Schlüssel erscheint nur als %1: genug, um zu erkennen, welcher Schlüssel es war, aber nicht genug, um ihn zu benutzen.</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::KeyStore</name>
    <message>
        <source>The system keychain refused access, so the key is kept in memory only.</source>
        <translation>Der Schlüsselbund des Systems hat den Zugriff verweigert, deshalb bleibt der Schlüssel nur im Arbeitsspeicher.</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer, so the key is kept in memory only.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund des Systems verfügbar, deshalb bleibt der Schlüssel nur im Arbeitsspeicher.</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::LatencyChart</name>
    <message>
        <source>Chart of how long each request took over time</source>
        <translation>Diagramm: wie lange jede Anfrage im Lauf der Zeit gedauert hat</translation>
    </message>
    <message>
        <source>Time to answer (ms)</source>
        <translation>Antwortzeit (ms)</translation>
    </message>
    <message>
        <source>Usual range: half of the requests were faster than the lower edge, nine in ten faster than the upper</source>
        <translation>Üblicher Bereich: Die Hälfte der Anfragen war schneller als die untere Kante, neun von zehn schneller als die obere</translation>
    </message>
    <message>
        <source>Worked: time to answer</source>
        <translation>Funktioniert: Antwortzeit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>No requests yet
The chart fills in as soon as the first request is made.</source>
        <translation>Noch keine Anfragen
Das Diagramm füllt sich, sobald die erste Anfrage gestellt ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>Noch keine Anfragen.</translation>
    </message>
    <message numerus="yes">
        <source>From %1 to %2: %n request(s) failed.</source>
        <translation>
            <numerusform>Von %1 bis %2: %n Anfrage ist fehlgeschlagen.</numerusform>
            <numerusform>Von %1 bis %2: %n Anfragen sind fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Half of the requests that worked answered within %1, nine in ten within %2.</source>
        <translation>Die Hälfte der erfolgreichen Anfragen wurde innerhalb von %1 beantwortet, neun von zehn innerhalb von %2.</translation>
    </message>
    <message>
        <source>worked</source>
        <translation>funktioniert</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgewiesen</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>no network</source>
        <translation>kein Netz</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>Funktioniert</translation>
    </message>
    <message>
        <source>from a gateway</source>
        <translation>von einem Gateway</translation>
    </message>
    <message>
        <source>from a gateway that stopped waiting for the provider</source>
        <translation>von einem Gateway, das nicht länger auf den Anbieter gewartet hat</translation>
    </message>
    <message>
        <source>from a gateway that lost its connection to the provider</source>
        <translation>von einem Gateway, das die Verbindung zum Anbieter verloren hat</translation>
    </message>
    <message>
        <source>(too many requests: the provider asks to slow down)</source>
        <translation>(zu viele Anfragen: Der Anbieter bittet, langsamer zu machen)</translation>
    </message>
    <message>
        <source>(the account&apos;s quota or credit is used up)</source>
        <translation>(das Kontingent oder Guthaben des Kontos ist aufgebraucht)</translation>
    </message>
    <message>
        <source>(the provider is overloaded)</source>
        <translation>(der Anbieter ist überlastet)</translation>
    </message>
    <message>
        <source>(the provider has an outage)</source>
        <translation>(der Anbieter hat eine Störung)</translation>
    </message>
    <message>
        <source>from the provider&apos;s server</source>
        <translation>vom Server des Anbieters</translation>
    </message>
    <message>
        <source>(the API key was missing or refused)</source>
        <translation>(der API-Schlüssel fehlte oder wurde abgelehnt)</translation>
    </message>
    <message>
        <source>(the key may not do this)</source>
        <translation>(der Schlüssel darf das nicht)</translation>
    </message>
    <message>
        <source>(the model name is not known there)</source>
        <translation>(der Modellname ist dort nicht bekannt)</translation>
    </message>
    <message>
        <source>(nothing at that address)</source>
        <translation>(unter dieser Adresse gibt es nichts)</translation>
    </message>
    <message>
        <source>(the server refused the request as it was written)</source>
        <translation>(der Server hat die Anfrage so, wie sie geschrieben war, abgelehnt)</translation>
    </message>
    <message>
        <source>from the proxy</source>
        <translation>vom Proxy</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Failed: %1 %2</source>
        <translation>Fehlgeschlagen: %1 %2</translation>
    </message>
    <message>
        <source>the connection was cut before an answer came</source>
        <translation>die Verbindung wurde getrennt, bevor eine Antwort kam</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>keine Antwort in der Zeit</translation>
    </message>
    <message>
        <source>could not connect in time</source>
        <translation>konnte sich nicht rechtzeitig verbinden</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be found</source>
        <translation>der Name des Servers wurde nicht gefunden</translation>
    </message>
    <message>
        <source>the server refused the connection</source>
        <translation>der Server hat die Verbindung abgewiesen</translation>
    </message>
    <message>
        <source>the network could not reach the server</source>
        <translation>das Netz konnte den Server nicht erreichen</translation>
    </message>
    <message>
        <source>the secure connection could not be set up</source>
        <translation>die sichere Verbindung ließ sich nicht aufbauen</translation>
    </message>
    <message>
        <source>the proxy could not pass the request on</source>
        <translation>der Proxy konnte die Anfrage nicht weitergeben</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>%1 on %2 (local time)</source>
        <translation>%1 am %2 (Ortszeit)</translation>
    </message>
    <message>
        <source>%1 (local time)</source>
        <translation>%1 (Ortszeit)</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Insgesamt: %1</translation>
    </message>
    <message>
        <source>Ended after: %1</source>
        <translation>Beendet nach: %1</translation>
    </message>
    <message>
        <source>Passed through: %1</source>
        <translation>Ging über: %1</translation>
    </message>
    <message>
        <source>Went through your proxy</source>
        <translation>Ging über Ihren Proxy</translation>
    </message>
    <message>
        <source>Connected over IPv6</source>
        <translation>Über IPv6 verbunden</translation>
    </message>
    <message>
        <source>During a provider incident: %1</source>
        <translation>Während einer Störung beim Anbieter: %1</translation>
    </message>
    <message>
        <source>Failed: time until it failed</source>
        <translation>Fehlgeschlagen: Zeit bis zum Fehler</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::MainWindow</name>
    <message>
        <source>llmdoctor</source>
        <translation>llmdoctor</translation>
    </message>
    <message>
        <source>What is going wrong?</source>
        <translation>Was läuft schief?</translation>
    </message>
    <message>
        <source>The verdict</source>
        <translation>Der Befund</translation>
    </message>
    <message>
        <source>What this error means</source>
        <translation>Was dieser Fehler bedeutet</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation>&amp;Von vorn</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Von vorn beginnen</translation>
    </message>
    <message>
        <source>Back to the first page; what you typed is kept.</source>
        <translation>Zurück zur ersten Seite; was Sie eingegeben haben, bleibt erhalten.</translation>
    </message>
    <message>
        <source>&amp;Run the checks</source>
        <translation>&amp;Prüfungen starten</translation>
    </message>
    <message>
        <source>Run the checks</source>
        <translation>Prüfungen starten</translation>
    </message>
    <message>
        <source>See the &amp;verdict</source>
        <translation>&amp;Befund ansehen</translation>
    </message>
    <message>
        <source>See the verdict</source>
        <translation>Befund ansehen</translation>
    </message>
    <message>
        <source>Run &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Cancel the checks</source>
        <translation>Prüfungen abbrechen</translation>
    </message>
    <message>
        <source>Stops the checks now (Esc)</source>
        <translation>Hält die Prüfungen sofort an (Esc)</translation>
    </message>
    <message>
        <source>&amp;Wait and retry</source>
        <translation>&amp;Warten und wiederholen</translation>
    </message>
    <message>
        <source>Wait and retry</source>
        <translation>Warten und wiederholen</translation>
    </message>
    <message>
        <source>Asks the API again and again, waiting in between, until it answers: what support articles tell you to do by hand.</source>
        <translation>Fragt die API immer wieder, mit Pausen dazwischen, bis sie antwortet: das, was Support-Artikel Ihnen von Hand zu tun raten.</translation>
    </message>
    <message>
        <source>Watch over &amp;time…</source>
        <translation>Über die Zeit beobac&amp;hten …</translation>
    </message>
    <message>
        <source>Watch over time</source>
        <translation>Über die Zeit beobachten</translation>
    </message>
    <message>
        <source>Opens a window that asks the API at a fixed interval and charts the answers, to catch problems that come and go.</source>
        <translation>Öffnet ein Fenster, das die API in festen Abständen fragt und die Antworten als Diagramm zeigt, um Probleme zu erwischen, die kommen und gehen.</translation>
    </message>
    <message>
        <source>Back to the &amp;checks</source>
        <translation>Zurück zu den &amp;Prüfungen</translation>
    </message>
    <message>
        <source>Back to the checks</source>
        <translation>Zurück zu den Prüfungen</translation>
    </message>
    <message>
        <source>&amp;Next: what the error means</source>
        <translation>&amp;Weiter: was der Fehler bedeutet</translation>
    </message>
    <message>
        <source>Next: what the error means</source>
        <translation>Weiter: was der Fehler bedeutet</translation>
    </message>
    <message>
        <source>Run the checks first: there is nothing to export yet.</source>
        <translation>Starten Sie zuerst die Prüfungen: Es gibt noch nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Not saved: %1. Nothing is lost; choose another place.</source>
        <translation>Nicht gespeichert: %1. Es geht nichts verloren; wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>Copied a curl command. It reads the key from $%1; set that first.</source>
        <translation>curl-Befehl kopiert. Er liest den Schlüssel aus $%1; setzen Sie diese Variable zuerst.</translation>
    </message>
    <message>
        <source>Copied the summary ✓</source>
        <translation>Zusammenfassung kopiert ✓</translation>
    </message>
    <message>
        <source>Send a report</source>
        <translation>Einen Bericht senden</translation>
    </message>
    <message>
        <source>About llmdoctor</source>
        <translation>Über llmdoctor</translation>
    </message>
    <message>
        <source>What llmdoctor is, its version and where to get help (F1)</source>
        <translation>Was llmdoctor ist, seine Version und wo es Hilfe gibt (F1)</translation>
    </message>
    <message>
        <source>Next: send a &amp;report</source>
        <translation>Weiter: einen &amp;Bericht senden</translation>
    </message>
    <message>
        <source>Next: send a report</source>
        <translation>Weiter: einen Bericht senden</translation>
    </message>
    <message>
        <source>A message to send to whoever should act, and the report as HTML, PDF, Markdown, JSON, HAR or text. Your API key is never in any of them.</source>
        <translation>Eine Nachricht an die Person, die handeln sollte, und der Bericht als HTML, PDF, Markdown, JSON, HAR oder Text. Ihr API-Schlüssel steht in keinem davon.</translation>
    </message>
    <message>
        <source>&amp;Leave practice</source>
        <translation>Übun&amp;g verlassen</translation>
    </message>
    <message>
        <source>Back to the &amp;verdict</source>
        <translation>Zurück zum &amp;Befund</translation>
    </message>
    <message>
        <source>&lt;h3&gt;llmdoctor %1&lt;/h3&gt;&lt;p&gt;Finds out why calls to an AI service fail, and tells you in plain words whose side the problem is on and what to do next.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;llmdoctor %1&lt;/h3&gt;&lt;p&gt;Findet heraus, warum Aufrufe eines KI-Dienstes fehlschlagen, und sagt Ihnen in einfachen Worten, auf wessen Seite das Problem liegt und was als Nächstes zu tun ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;It tests each step between your computer and the service: finding the server, connecting, the secure connection, the proxy, the answer, your key and the model. Your API key stays on this computer and is never written into a report.&lt;/p&gt;&lt;p&gt;Qt %1 · %2&lt;/p&gt;&lt;p&gt;Command line: &lt;code&gt;llmdoctor --help&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Es prüft jeden Schritt zwischen Ihrem Computer und dem Dienst: den Server finden, die Verbindung, die sichere Verbindung, den Proxy, die Antwort, Ihren Schlüssel und das Modell. Ihr API-Schlüssel bleibt auf diesem Computer und steht nie in einem Bericht.&lt;/p&gt;&lt;p&gt;Qt %1 · %2&lt;/p&gt;&lt;p&gt;Befehlszeile: &lt;code&gt;llmdoctor --help&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The practice server could not start: %1</source>
        <translation>Der Übungsserver konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Practice: llmdoctor&apos;s own test server on this computer is simulating %1. Nothing here is about your real service.</source>
        <translation>Übung: llmdoctors eigener Testserver auf diesem Computer simuliert %1. Nichts hier betrifft Ihren echten Dienst.</translation>
    </message>
    <message>
        <source>llmdoctor (practice)</source>
        <translation>llmdoctor (Übung)</translation>
    </message>
    <message>
        <source>A&amp;bout</source>
        <translation>Inf&amp;o</translation>
    </message>
    <message>
        <source>Changed the address to %1; press Run again.</source>
        <translation>Adresse auf %1 geändert; drücken Sie „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>Changed the model to %1; press Run again.</source>
        <translation>Modell auf %1 geändert; drücken Sie „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>Nothing on this computer opened %1.</source>
        <translation>Kein Programm auf diesem Computer hat %1 geöffnet.</translation>
    </message>
    <message>
        <source>Opened %1 in your browser. Make a key there, put it in the key field on the first page, then run the checks again.</source>
        <translation>%1 im Browser geöffnet. Erstellen Sie dort einen Schlüssel, tragen Sie ihn auf der ersten Seite in das Schlüsselfeld ein und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Opened %1 in your browser.</source>
        <translation>%1 im Browser geöffnet.</translation>
    </message>
    <message>
        <source>Choose the company certificate file</source>
        <translation>Zertifikatsdatei der Firma wählen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The checks will also trust the certificates in %1; press Run again.</source>
        <translation>Die Prüfungen vertrauen jetzt auch den Zertifikaten in %1; drücken Sie „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>Changed the proxy setting to this computer&apos;s settings; press Run again.</source>
        <translation>Proxy auf die Einstellungen dieses Computers gestellt; drücken Sie „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>Changed the proxy setting to connect directly; press Run again.</source>
        <translation>Proxy abgestellt, die Verbindung geht jetzt direkt; drücken Sie „Erneut prüfen“.</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::ModelChooser</name>
    <message>
        <source>Choose a model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <source>The models this server offers:</source>
        <translation>Die Modelle, die dieser Server anbietet:</translation>
    </message>
    <message>
        <source>This server has no model called &quot;%1&quot;. The models it offers, the closest names first:</source>
        <translation>Dieser Server hat kein Modell namens „%1“. Die Modelle, die er anbietet, die ähnlichsten Namen zuerst:</translation>
    </message>
    <message>
        <source>Type to search</source>
        <translation>Zum Suchen tippen</translation>
    </message>
    <message>
        <source>Search the models</source>
        <translation>Modelle durchsuchen</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>No model name contains that.</source>
        <translation>Kein Modellname enthält das.</translation>
    </message>
    <message>
        <source>&amp;Use this model</source>
        <translation>Dieses Modell &amp;verwenden</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::MonitorWindow</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Finding the server (DNS)</source>
        <translation>Server finden (DNS)</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Securing the connection (TLS)</source>
        <translation>Verbindung absichern (TLS)</translation>
    </message>
    <message>
        <source>Waiting for the answer</source>
        <translation>Auf die Antwort warten</translation>
    </message>
    <message>
        <source>Whole request</source>
        <translation>Ganze Anfrage</translation>
    </message>
    <message>
        <source>llmdoctor: watch over time</source>
        <translation>llmdoctor: über die Zeit beobachten</translation>
    </message>
    <message>
        <source>Asks the API for its list of models again and again, and draws how long each answer took. Leave it running to catch problems that come and go; llmdoctor points out patterns that a single request cannot show.</source>
        <translation>Fragt die API immer wieder nach ihrer Liste der Modelle und zeichnet auf, wie lange jede Antwort gedauert hat. Lassen Sie es laufen, um Probleme zu erwischen, die kommen und gehen; llmdoctor weist auf Muster hin, die eine einzelne Anfrage nicht zeigen kann.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between requests</source>
        <translation>Sekunden zwischen den Anfragen</translation>
    </message>
    <message>
        <source>How long to watch</source>
        <translation>Wie lange beobachten</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 Stunden</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>until I stop it</source>
        <translation>bis ich anhalte</translation>
    </message>
    <message>
        <source>&amp;Start watching</source>
        <translation>&amp;Beobachten starten</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>Als CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Saves every request as one line of a spreadsheet file (time, status, each phase in ms). Your API key is not in it.</source>
        <translation>Speichert jede Anfrage als eine Zeile einer Tabellendatei (Zeit, Status, jede Phase in ms). Ihr API-Schlüssel steht nicht darin.</translation>
    </message>
    <message>
        <source>Show the &amp;phases</source>
        <translation>&amp;Phasen zeigen</translation>
    </message>
    <message>
        <source>Split each request into finding the server, connecting, securing the connection and waiting for the answer.</source>
        <translation>Teilt jede Anfrage auf: Server finden, verbinden, Verbindung absichern und auf die Antwort warten.</translation>
    </message>
    <message>
        <source>Ask every</source>
        <translation>Fragen alle</translation>
    </message>
    <message>
        <source>for</source>
        <translation>für</translation>
    </message>
    <message>
        <source>Not started yet.</source>
        <translation>Noch nicht gestartet.</translation>
    </message>
    <message>
        <source>Time per phase</source>
        <translation>Zeit pro Phase</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Typical (p50)</source>
        <translation>Typisch (p50)</translation>
    </message>
    <message>
        <source>Slow (p90)</source>
        <translation>Langsam (p90)</translation>
    </message>
    <message>
        <source>Slowest 1% (p99)</source>
        <translation>Langsamstes 1 % (p99)</translation>
    </message>
    <message>
        <source>p50: half of the requests were faster. p90: nine in ten were faster. p99: only one in a hundred was slower.</source>
        <translation>p50: Die Hälfte der Anfragen war schneller. p90: Neun von zehn waren schneller. p99: Nur eine von hundert war langsamer.</translation>
    </message>
    <message>
        <source>Ready to watch %1.</source>
        <translation>Bereit, %1 zu beobachten.</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Kann nicht starten: %1</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>Noch keine Anfragen.</translation>
    </message>
    <message>
        <source>1 request, %1% worked.</source>
        <translation>1 Anfrage, %1 % haben funktioniert.</translation>
    </message>
    <message>
        <source>%1 requests, %2% worked.</source>
        <translation>%1 Anfragen, %2 % haben funktioniert.</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Pattern found in %1 requests: %2.
What to do: %3</source>
        <translation>Muster in %1 Anfragen gefunden: %2.
Was zu tun ist: %3</translation>
    </message>
    <message>
        <source>There is nothing to export yet: no request has been made.</source>
        <translation>Es gibt noch nichts zu exportieren: Es wurde noch keine Anfrage gestellt.</translation>
    </message>
    <message>
        <source>Could not save %1: %2. The requests are still here; choose another place.</source>
        <translation>%1 konnte nicht gespeichert werden: %2. Die Anfragen sind noch da; wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>Saved %1 requests to %2.</source>
        <translation>%1 Anfragen unter %2 gespeichert.</translation>
    </message>
    <message>
        <source>Export the requests</source>
        <translation>Die Anfragen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>An&amp;halten</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>Beobachten anhalten</translation>
    </message>
    <message>
        <source>Start watching</source>
        <translation>Beobachten starten</translation>
    </message>
    <message>
        <source>Watching %1 every %2 s…</source>
        <translation>Beobachte %1 alle %2 s …</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Follow the &amp;route</source>
        <translation>&amp;Route verfolgen</translation>
    </message>
    <message>
        <source>While watching, also follow the route to the server hop by hop (like traceroute, without administrator rights) and show at which hop packets get lost or slow.</source>
        <translation>Beim Beobachten auch die Route zum Server Hop für Hop verfolgen (wie traceroute, ohne Administratorrechte) und zeigen, ab welchem Hop Pakete verloren gehen oder langsam werden.</translation>
    </message>
    <message>
        <source>The route cannot be followed: %1 could not be looked up.</source>
        <translation>Die Route kann nicht verfolgt werden: %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The route cannot be followed here: %1</source>
        <translation>Die Route kann hier nicht verfolgt werden: %1</translation>
    </message>
    <message>
        <source>Failed requests, until they failed</source>
        <translation>Fehlgeschlagene Anfragen, bis zum Fehler</translation>
    </message>
    <message>
        <source>None of them worked: the chart and the table show how long each one took until it failed.</source>
        <translation>Keine davon hat funktioniert: Diagramm und Tabelle zeigen, wie lange jede gedauert hat, bis sie fehlschlug.</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::PathDiagram</name>
    <message>
        <source>The path of a request, from your computer to the model server</source>
        <translation>Der Weg einer Anfrage von Ihrem Computer zum Modellserver</translation>
    </message>
    <message>
        <source>Your computer</source>
        <translation>Ihr Computer</translation>
    </message>
    <message>
        <source>Your network</source>
        <translation>Ihr Netzwerk</translation>
    </message>
    <message>
        <source>Proxy or gateway</source>
        <translation>Proxy oder Gateway</translation>
    </message>
    <message>
        <source>Provider&apos;s edge</source>
        <translation>Rand des Anbieters</translation>
    </message>
    <message>
        <source>Model server</source>
        <translation>Modellserver</translation>
    </message>
    <message>
        <source>It is not known where the request broke.</source>
        <translation>Es ist nicht bekannt, wo die Anfrage abgebrochen ist.</translation>
    </message>
    <message>
        <source>The request broke at: %1.</source>
        <translation>Die Anfrage ist hier abgebrochen: %1.</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::PathView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>The route to the server, hop by hop</source>
        <translation>Die Route zum Server, Hop für Hop</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>Hop</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Round trip (typical, slowest)</source>
        <translation>Umlaufzeit (typisch, langsamste)</translation>
    </message>
    <message>
        <source>No route followed yet.</source>
        <translation>Noch keine Route verfolgt.</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>(keine Antwort)</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::PhaseChart</name>
    <message>
        <source>Chart of how long each step of the test request took</source>
        <translation>Diagramm: wie lange jeder Schritt der Testanfrage gedauert hat</translation>
    </message>
    <message>
        <source>Finding the server</source>
        <translation>Server finden</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Securing</source>
        <translation>Absichern</translation>
    </message>
    <message>
        <source>Waiting for the answer</source>
        <translation>Auf die Antwort warten</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Insgesamt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>The test request took %1 in total; most of it went to: %2.</source>
        <translation>Die Testanfrage dauerte insgesamt %1; das meiste davon entfiel auf: %2.</translation>
    </message>
    <message>
        <source>Most of the time went to: %1.</source>
        <translation>Die meiste Zeit entfiel auf: %1.</translation>
    </message>
    <message>
        <source>Test request</source>
        <translation>Testanfrage</translation>
    </message>
    <message>
        <source>Reading the answer</source>
        <translation>Lesen der Antwort</translation>
    </message>
    <message>
        <source>%1 (%2, failed here)</source>
        <translation>%1 (%2, hier gescheitert)</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::PracticeBox</name>
    <message>
        <source>502 Bad Gateway</source>
        <translation>502 Bad Gateway</translation>
    </message>
    <message>
        <source>&quot;upstream connect error or disconnect/reset before headers&quot;</source>
        <translation>„upstream connect error or disconnect/reset before headers“</translation>
    </message>
    <message>
        <source>The connection is cut before any answer</source>
        <translation>Die Verbindung wird vor jeder Antwort getrennt</translation>
    </message>
    <message>
        <source>429 Too Many Requests (goes away if you wait)</source>
        <translation>429 Too Many Requests (verschwindet, wenn Sie warten)</translation>
    </message>
    <message>
        <source>401: the API key is refused</source>
        <translation>401: Der API-Schlüssel wird abgelehnt</translation>
    </message>
    <message>
        <source>The model name is wrong</source>
        <translation>Der Modellname ist falsch</translation>
    </message>
    <message>
        <source>504 Gateway Time-out (a time limit on the way)</source>
        <translation>504 Gateway Time-out (ein Zeitlimit auf dem Weg)</translation>
    </message>
    <message>
        <source>529: the provider is overloaded</source>
        <translation>529: Der Anbieter ist überlastet</translation>
    </message>
    <message>
        <source>No answer at all (a timeout)</source>
        <translation>Überhaupt keine Antwort (eine Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>A certificate your computer does not trust</source>
        <translation>Ein Zertifikat, dem Ihr Computer nicht vertraut</translation>
    </message>
    <message>
        <source>No problem right now? Try it on a simulated failure</source>
        <translation>Gerade kein Problem? Probieren Sie es an einem simulierten Fehler aus</translation>
    </message>
    <message>
        <source>llmdoctor starts a test server of its own on this computer that fails on purpose, and runs the checks against it, so you can see what each failure looks like. Nothing is sent anywhere.</source>
        <translation>llmdoctor startet auf diesem Computer einen eigenen Testserver, der absichtlich fehlschlägt, und führt die Prüfungen gegen ihn aus, damit Sie sehen, wie jeder Fehler aussieht. Es wird nichts irgendwohin gesendet.</translation>
    </message>
    <message>
        <source>Failure to simulate</source>
        <translation>Zu simulierender Fehler</translation>
    </message>
    <message>
        <source>&amp;Try it</source>
        <translation>A&amp;usprobieren</translation>
    </message>
    <message>
        <source>Try it on a simulated failure</source>
        <translation>An einem simulierten Fehler ausprobieren</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::ResultPage</name>
    <message>
        <source>Who should act: nobody, everything works.</source>
        <translation>Wer handeln sollte: niemand, alles funktioniert.</translation>
    </message>
    <message>
        <source>Who should act: %1</source>
        <translation>Wer handeln sollte: %1</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>Was Sie als Nächstes tun können</translation>
    </message>
    <message>
        <source>Where the time went in the test request</source>
        <translation>Wohin die Zeit bei der Testanfrage ging</translation>
    </message>
    <message>
        <source>No timing to show: the test request did not get far enough.</source>
        <translation>Keine Zeiten zu zeigen: Die Testanfrage ist nicht weit genug gekommen.</translation>
    </message>
    <message>
        <source>llmdoctor summary</source>
        <translation>llmdoctor-Zusammenfassung</translation>
    </message>
    <message>
        <source>API address: %1</source>
        <translation>API-Adresse: %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>API key: %1</source>
        <translation>API-Schlüssel: %1</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>keiner angegeben</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Befund: %1</translation>
    </message>
    <message>
        <source>What to do next:</source>
        <translation>Was Sie als Nächstes tun können:</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>Prüfungen:</translation>
    </message>
    <message>
        <source>Timings of the test request: %1</source>
        <translation>Zeiten der Testanfrage: %1</translation>
    </message>
    <message>
        <source>Also found</source>
        <translation>Außerdem gefunden</translation>
    </message>
    <message>
        <source>Other problems the checks found. Fix the one above first: it blocks everything now; these come next.</source>
        <translation>Weitere Probleme, die die Prüfungen gefunden haben. Beheben Sie zuerst das oben genannte: Es blockiert jetzt alles; diese kommen danach.</translation>
    </message>
    <message>
        <source>%1 (who should act: %2)</source>
        <translation>%1 (wer handeln sollte: %2)</translation>
    </message>
    <message>
        <source>Also found:</source>
        <translation>Außerdem gefunden:</translation>
    </message>
    <message>
        <source>The error you pasted: %1</source>
        <translation>Die eingefügte Fehlermeldung: %1</translation>
    </message>
    <message>
        <source>&amp;Use this address</source>
        <translation>Diese &amp;Adresse verwenden</translation>
    </message>
    <message>
        <source>Puts %1 in the address field on the first page.</source>
        <translation>Setzt %1 in das Adressfeld auf der ersten Seite.</translation>
    </message>
    <message>
        <source>Choose a &amp;model…</source>
        <translation>&amp;Modell wählen …</translation>
    </message>
    <message>
        <source>Shows the models this server offers, the closest names first.</source>
        <translation>Zeigt die Modelle, die dieser Server anbietet, die ähnlichsten Namen zuerst.</translation>
    </message>
    <message>
        <source>&amp;Open the status page</source>
        <translation>&amp;Statusseite öffnen</translation>
    </message>
    <message>
        <source>Open the page where you make a &amp;key</source>
        <translation>Seite für einen neuen Schlüsse&amp;l öffnen</translation>
    </message>
    <message>
        <source>Choose the company certificate &amp;file…</source>
        <translation>&amp;Zertifikatsdatei der Firma wählen …</translation>
    </message>
    <message>
        <source>The certificate file your IT department gives out (.pem or .crt): the checks then trust what it signed.</source>
        <translation>Die Zertifikatsdatei, die Ihre IT-Abteilung ausgibt (.pem oder .crt): Die Prüfungen vertrauen dann allem, was damit signiert ist.</translation>
    </message>
    <message>
        <source>Use the system &amp;proxy</source>
        <translation>System-Pro&amp;xy verwenden</translation>
    </message>
    <message>
        <source>Sets the proxy to this computer&apos;s proxy settings.</source>
        <translation>Stellt den Proxy auf die Proxy-Einstellungen dieses Computers.</translation>
    </message>
    <message>
        <source>Go &amp;direct</source>
        <translation>&amp;Direkt verbinden</translation>
    </message>
    <message>
        <source>Sets the proxy to none: connect to the API directly.</source>
        <translation>Stellt den Proxy ab: direkt mit der API verbinden.</translation>
    </message>
    <message>
        <source>Copy request &amp;ID</source>
        <translation>Anfrage-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy the request ID</source>
        <translation>Die Anfrage-ID kopieren</translation>
    </message>
    <message>
        <source>The provider&apos;s support can find this request by its ID.</source>
        <translation>Der Support des Anbieters findet diese Anfrage über ihre ID.</translation>
    </message>
    <message>
        <source>Copied the request ID %1.</source>
        <translation>Anfrage-ID %1 kopiert.</translation>
    </message>
    <message numerus="yes">
        <source>The provider asks you to wait %n second(s).</source>
        <translation>
            <numerusform>Der Anbieter bittet Sie, %n Sekunde zu warten.</numerusform>
            <numerusform>Der Anbieter bittet Sie, %n Sekunden zu warten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider&apos;s ID for this request: %1</source>
        <translation>Die ID des Anbieters für diese Anfrage: %1</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::RetryPage</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Wait and retry</source>
        <translation>Warten und wiederholen</translation>
    </message>
    <message>
        <source>Most 502, 503, 429 and connection errors go away by themselves within minutes. llmdoctor asks the API again and again, waiting as long as the server asks or a little longer each time, the way the official OpenAI and Anthropic libraries do, and stops as soon as it works or when waiting cannot help.</source>
        <translation>Die meisten 502-, 503-, 429- und Verbindungsfehler verschwinden innerhalb von Minuten von selbst. llmdoctor fragt die API immer wieder, wartet so lange, wie der Server es verlangt, oder jedes Mal etwas länger, so wie es die offiziellen Bibliotheken von OpenAI und Anthropic tun, und hört auf, sobald es funktioniert oder Warten nicht helfen kann.</translation>
    </message>
    <message>
        <source>Most attempts</source>
        <translation>Höchstens so viele Versuche</translation>
    </message>
    <message>
        <source>Keep trying for at most</source>
        <translation>Höchstens so lange versuchen</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>&amp;Start retrying</source>
        <translation>&amp;Wiederholen starten</translation>
    </message>
    <message>
        <source>Try up to</source>
        <translation>Bis zu</translation>
    </message>
    <message>
        <source>times, for at most</source>
        <translation>Mal versuchen, höchstens</translation>
    </message>
    <message>
        <source>Not started yet.</source>
        <translation>Noch nicht gestartet.</translation>
    </message>
    <message>
        <source>Time left before the next attempt</source>
        <translation>Zeit bis zum nächsten Versuch</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Waited before</source>
        <translation>Vorher gewartet</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Kann nicht starten: %1</translation>
    </message>
    <message>
        <source>Retrying: next attempt in %1</source>
        <translation>Wiederholen: nächster Versuch in %1</translation>
    </message>
    <message>
        <source>Retrying: attempt %1</source>
        <translation>Wiederholen: Versuch %1</translation>
    </message>
    <message>
        <source>Retry: it worked</source>
        <translation>Wiederholen: hat funktioniert</translation>
    </message>
    <message>
        <source>Retry: stopped</source>
        <translation>Wiederholen: angehalten</translation>
    </message>
    <message>
        <source>Attempt 1: asking the API…</source>
        <translation>Versuch 1: Die API wird gefragt …</translation>
    </message>
    <message>
        <source>Attempt %1: asking the API again…</source>
        <translation>Versuch %1: Die API wird erneut gefragt …</translation>
    </message>
    <message>
        <source>Answered, but without the model &quot;%1&quot;</source>
        <translation>Geantwortet, aber ohne das Modell „%1“</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>first attempt</source>
        <translation>erster Versuch</translation>
    </message>
    <message>
        <source>Waiting %1 before trying again: %2.</source>
        <translation>Warte %1, bevor es erneut versucht wird: %2.</translation>
    </message>
    <message>
        <source>Done: it worked at the first attempt.</source>
        <translation>Fertig: Es hat beim ersten Versuch funktioniert.</translation>
    </message>
    <message>
        <source>Done: it worked after %1 attempts.</source>
        <translation>Fertig: Es hat nach %1 Versuchen funktioniert.</translation>
    </message>
    <message>
        <source>Stopped after one attempt.</source>
        <translation>Nach einem Versuch angehalten.</translation>
    </message>
    <message>
        <source>Stopped after %1 attempts.</source>
        <translation>Nach %1 Versuchen angehalten.</translation>
    </message>
    <message>
        <source>Done: retrying cannot help here, so it stopped after one attempt.</source>
        <translation>Fertig: Wiederholen kann hier nicht helfen, deshalb wurde nach einem Versuch aufgehört.</translation>
    </message>
    <message>
        <source>Done: it still did not work after %1 attempts.</source>
        <translation>Fertig: Es hat nach %1 Versuchen immer noch nicht funktioniert.</translation>
    </message>
    <message>
        <source>S&amp;top retrying</source>
        <translation>Wiederholen an&amp;halten</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>&amp;Erneut beginnen</translation>
    </message>
    <message>
        <source>Stop retrying</source>
        <translation>Wiederholen anhalten</translation>
    </message>
    <message>
        <source>Start retrying</source>
        <translation>Wiederholen starten</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::SavedFileBar</name>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the saved file</source>
        <translation>Die gespeicherte Datei öffnen</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <source>Show the folder the file was saved in</source>
        <translation>Den Ordner zeigen, in dem die Datei gespeichert wurde</translation>
    </message>
    <message>
        <source>Saved as %1 in %2</source>
        <translation>Gespeichert als %1 in %2</translation>
    </message>
    <message>
        <source>Nothing on this computer opened %1.</source>
        <translation>Kein Programm auf diesem Computer hat %1 geöffnet.</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::SnippetGroup</name>
    <message numerus="yes">
        <source>Copyable fixes for whoever maintains your app (%n)</source>
        <translation>
            <numerusform>Kopierbare Korrektur für die Person, die Ihre App betreut (%n)</numerusform>
            <numerusform>Kopierbare Korrekturen für die Person, die Ihre App betreut (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::SnippetView</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>Kopieren: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::StartPage</name>
    <message>
        <source>What is going wrong?</source>
        <translation>Was läuft schief?</translation>
    </message>
    <message>
        <source>llmdoctor tests the connection to your AI service step by step and tells you, in plain words, what is wrong and whose side the problem is on. Type the address your app uses, then run the checks.</source>
        <translation>llmdoctor prüft die Verbindung zu Ihrem KI-Dienst Schritt für Schritt und sagt Ihnen in einfachen Worten, was nicht stimmt und auf wessen Seite das Problem liegt. Geben Sie die Adresse ein, die Ihre App verwendet, und starten Sie dann die Prüfungen.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <source>Also called the &quot;base URL&quot; or &quot;endpoint&quot; in your app&apos;s settings.</source>
        <translation>In den Einstellungen Ihrer App auch „Base URL“ oder „Endpoint“ genannt.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>optional, e.g. sk-…</source>
        <translation>optional, z. B. sk-…</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>Den API-Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Verbergen</translation>
    </message>
    <message>
        <source>Hide the API key</source>
        <translation>Den API-Schlüssel verbergen</translation>
    </message>
    <message>
        <source>Keeps the key in your system&apos;s password store (GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager), never in a file.</source>
        <translation>Bewahrt den Schlüssel im Passwortspeicher Ihres Systems auf (GNOME-Schlüsselbund, KWallet, macOS-Schlüsselbund oder Windows-Anmeldeinformationsverwaltung), nie in einer Datei.</translation>
    </message>
    <message>
        <source>Model name (optional)</source>
        <translation>Modellname (optional)</translation>
    </message>
    <message>
        <source>optional, e.g. gpt-4o-mini</source>
        <translation>optional, z. B. gpt-4o-mini</translation>
    </message>
    <message>
        <source>Ask the provider for its models, using the key</source>
        <translation>Den Anbieter mit dem Schlüssel nach seinen Modellen fragen</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>API &amp;address:</source>
        <translation>API-Ad&amp;resse:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>The error message you got (optional)</source>
        <translation>Die Fehlermeldung, die Sie bekommen haben (optional)</translation>
    </message>
    <message>
        <source>Optional: paste the error your app showed, for example &quot;502 Bad Gateway&quot; or &quot;upstream connect error…&quot;</source>
        <translation>Optional: Fügen Sie den Fehler ein, den Ihre App angezeigt hat, zum Beispiel „502 Bad Gateway“ oder „upstream connect error…“</translation>
    </message>
    <message>
        <source>The &amp;error you got:</source>
        <translation>Ihre &amp;Fehlermeldung:</translation>
    </message>
    <message>
        <source>A&amp;dvanced settings</source>
        <translation>&amp;Erweiterte Einstellungen</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Erweiterte Einstellungen</translation>
    </message>
    <message>
        <source>Automatic (recommended)</source>
        <translation>Automatisch (empfohlen)</translation>
    </message>
    <message>
        <source>No proxy: connect directly</source>
        <translation>Kein Proxy: direkt verbinden</translation>
    </message>
    <message>
        <source>Use the system settings</source>
        <translation>Die Systemeinstellungen verwenden</translation>
    </message>
    <message>
        <source>Use this proxy:</source>
        <translation>Diesen Proxy verwenden:</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Proxy address</source>
        <translation>Proxy-Adresse</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> Sekunden</translation>
    </message>
    <message>
        <source>Give up after this many seconds</source>
        <translation>Nach so vielen Sekunden aufgeben</translation>
    </message>
    <message>
        <source>only if your company gave you one (a .pem or .crt file)</source>
        <translation>nur wenn Ihre Firma Ihnen eine gegeben hat (eine .pem- oder .crt-Datei)</translation>
    </message>
    <message>
        <source>Extra trusted certificate file</source>
        <translation>Zusätzliche vertrauenswürdige Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Wäh&amp;len …</translation>
    </message>
    <message>
        <source>Choose a certificate file</source>
        <translation>Eine Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>&amp;Give up after:</source>
        <translation>Aufgeben &amp;nach:</translation>
    </message>
    <message>
        <source>Extra trusted certi&amp;ficate:</source>
        <translation>Zusätzliches Zertifika&amp;t:</translation>
    </message>
    <message>
        <source>Choose a trusted certificate file</source>
        <translation>Eine vertrauenswürdige Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Type the proxy address, or choose another proxy setting.</source>
        <translation>Geben Sie die Proxy-Adresse ein oder wählen Sie eine andere Proxy-Einstellung.</translation>
    </message>
    <message>
        <source>starts with %1</source>
        <translation>beginnt mit %1</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available: start typing to pick one.</source>
        <translation>
            <numerusform>%n Modell verfügbar: Tippen Sie, um es auszuwählen.</numerusform>
            <numerusform>%n Modelle verfügbar: Tippen Sie los, um eines auszuwählen.</numerusform>
        </translation>
    </message>
    <message>
        <source>This provider has no model called &quot;%1&quot;.</source>
        <translation>Dieser Anbieter hat kein Modell namens „%1“.</translation>
    </message>
    <message>
        <source>This provider has no model called &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation>Dieser Anbieter hat kein Modell namens „%1“. Meinten Sie „%2“?</translation>
    </message>
    <message>
        <source>Asking the provider for its models…</source>
        <translation>Der Anbieter wird nach seinen Modellen gefragt …</translation>
    </message>
    <message>
        <source>The models could not be listed.</source>
        <translation>Die Modelle konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Saved in the system keychain when you run the checks; untick to remove it.</source>
        <translation>Wird beim Start der Prüfungen im Schlüsselbund des Systems gespeichert; Haken entfernen, um ihn dort zu löschen.</translation>
    </message>
    <message>
        <source>Kept in memory only, never saved.</source>
        <translation>Nur im Arbeitsspeicher, nie gespeichert.</translation>
    </message>
    <message>
        <source>Also send two tiny test requests, one of them streamed (may cost a fraction of a cent)</source>
        <translation>Auch zwei winzige Testanfragen senden, eine davon gestreamt (kann Centbruchteile kosten)</translation>
    </message>
    <message>
        <source>Also find out how long the server keeps an &amp;idle connection open (up to 15 s)</source>
        <translation>Messen, wie lange der Server eine ungenutzte Verb&amp;indung offen hält (bis 15 s)</translation>
    </message>
    <message>
        <source>Apps that reuse connections fail with &quot;reset before headers&quot; when they keep one longer than the server does. This reuses one connection after growing pauses.</source>
        <translation>Apps, die Verbindungen wiederverwenden, scheitern mit „reset before headers“, wenn sie eine länger halten als der Server. Dies verwendet eine Verbindung nach wachsenden Pausen erneut.</translation>
    </message>
    <message>
        <source>Like traceroute, without administrator rights: which routers lie between you and the server, and from which one on packets go missing (your Wi-Fi, your internet provider, or the API&apos;s own network).</source>
        <translation>Wie traceroute, ohne Administratorrechte: welche Router zwischen Ihnen und dem Server liegen und ab welchem Pakete verloren gehen (Ihr WLAN, Ihr Internetanbieter oder das Netz der API selbst).</translation>
    </message>
    <message>
        <source>Remember the key on this &amp;computer (system keychain)</source>
        <translation>Schlüssel auf &amp;diesem Computer merken (Schlüsselbund des Systems)</translation>
    </message>
    <message>
        <source>Show the m&amp;odels</source>
        <translation>Modelle a&amp;bfragen</translation>
    </message>
    <message>
        <source>Also follow the ro&amp;ute hop by hop, to see where packets are lost (about 10 s)</source>
        <translation>Auch die Route Hop für Hop &amp;verfolgen, um zu sehen, wo Pakete verloren gehen (etwa 10 s)</translation>
    </message>
</context>
</TS>
