<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Certainty</name>
    <message>
        <source>Fairly sure: a second, independent reading of the message agrees. Readings like this were right about 9 times in 10 on messages llmdoctor had never seen.</source>
        <translation>Ziemlich sicher: Eine zweite, unabhängige Lesart der Meldung kommt zum selben Ergebnis. Bei Meldungen, die llmdoctor nie zuvor gesehen hatte, lagen solche Lesarten etwa 9 von 10 Mal richtig.</translation>
    </message>
    <message>
        <source>Not sure: a second, independent reading of the message points to another cause. Readings like this were wrong up to 4 times in 10 on messages llmdoctor had never seen; the checks will tell.</source>
        <translation>Nicht sicher: Eine zweite, unabhängige Lesart der Meldung deutet auf eine andere Ursache. Bei Meldungen, die llmdoctor nie zuvor gesehen hatte, lagen solche Lesarten bis zu 4 von 10 Mal falsch; die Prüfungen schaffen Klarheit.</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>No certificate could be read from &quot;%1&quot;: the file must hold certificates in text (PEM) form, starting with -----BEGIN CERTIFICATE-----.</source>
        <translation>Aus „%1“ ließ sich kein Zertifikat lesen: Die Datei muss Zertifikate in Textform (PEM) enthalten, beginnend mit -----BEGIN CERTIFICATE-----.</translation>
    </message>
    <message>
        <source>Not checked, because an earlier step did not succeed: &quot;%1&quot;</source>
        <translation>Nicht geprüft, weil ein früherer Schritt nicht gelungen ist: „%1“</translation>
    </message>
    <message>
        <source>Stopped: the whole diagnosis ran out of time (%1 s).</source>
        <translation>Angehalten: Die Zeit für die ganze Diagnose ist abgelaufen (%1 s).</translation>
    </message>
    <message>
        <source>Does your connection lose packets?</source>
        <translation>Verliert Ihre Verbindung Pakete?</translation>
    </message>
    <message>
        <source>Not checked: connections go to your proxy, so their timing says nothing about the way to the server.</source>
        <translation>Nicht geprüft: Die Verbindungen gehen zu Ihrem Proxy, ihre Zeiten sagen also nichts über den Weg zum Server.</translation>
    </message>
    <message>
        <source>Not checked: the server&apos;s address is not known.</source>
        <translation>Nicht geprüft: Die Adresse des Servers ist nicht bekannt.</translation>
    </message>
    <message>
        <source>Not checked: the server runs on this computer, with no network in between.</source>
        <translation>Nicht geprüft: Der Server läuft auf diesem Computer, ohne Netzwerk dazwischen.</translation>
    </message>
    <message>
        <source>Opening %1 connections in a row…</source>
        <translation>%1 Verbindungen nacheinander werden geöffnet …</translation>
    </message>
    <message>
        <source>Not enough connections succeeded to tell (%1 of %2).</source>
        <translation>Zu wenige Verbindungen sind gelungen, um es zu sagen (%1 von %2).</translation>
    </message>
    <message>
        <source>Your connection loses packets: %1 of %2 connections to the server had to be retried after about a second, the mark of a lost packet (about %3% of packets lost).</source>
        <translation>Ihre Verbindung verliert Pakete: %1 von %2 Verbindungen zum Server mussten nach etwa einer Sekunde wiederholt werden, das Kennzeichen eines verlorenen Pakets (etwa %3 % der Pakete verloren).</translation>
    </message>
    <message>
        <source>No packet was lost: %1 connections in a row each took about %2.</source>
        <translation>Kein Paket ging verloren: %1 Verbindungen nacheinander dauerten jeweils etwa %2.</translation>
    </message>
    <message>
        <source>Where on the way are packets lost?</source>
        <translation>Wo auf dem Weg gehen Pakete verloren?</translation>
    </message>
    <message>
        <source>Not checked: it takes about %1 seconds, so it only runs when you ask for it.</source>
        <translation>Nicht geprüft: Es dauert etwa %1 Sekunden und läuft deshalb nur, wenn Sie es verlangen.</translation>
    </message>
    <message>
        <source>Not checked: the server&apos;s address is not known (it is reached through a proxy).</source>
        <translation>Nicht geprüft: Die Adresse des Servers ist nicht bekannt (er wird über einen Proxy erreicht).</translation>
    </message>
    <message>
        <source>Following the route to the server, hop by hop…</source>
        <translation>Die Route zum Server wird Hop für Hop verfolgt …</translation>
    </message>
    <message>
        <source>The route could not be followed: %1.</source>
        <translation>Die Route ließ sich nicht verfolgen: %1.</translation>
    </message>
    <message>
        <source>%1 hops to the server. %2</source>
        <translation>%1 Hops bis zum Server. %2</translation>
    </message>
    <message>
        <source>%1 hops followed; the server itself does not answer such probes (many do not). %2</source>
        <translation>%1 Hops verfolgt; der Server selbst beantwortet solche Proben nicht (viele tun das nicht). %2</translation>
    </message>
    <message>
        <source>it did not answer within %1 s</source>
        <translation>er hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>its name could not be looked up</source>
        <translation>sein Name ließ sich nicht nachschlagen</translation>
    </message>
    <message>
        <source>it refused the connection</source>
        <translation>er hat die Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>it could not be reached from this network</source>
        <translation>er ist aus diesem Netzwerk nicht erreichbar</translation>
    </message>
    <message>
        <source>its secure connection could not be checked</source>
        <translation>seine sichere Verbindung ließ sich nicht prüfen</translation>
    </message>
    <message>
        <source>the proxy did not pass the request on</source>
        <translation>der Proxy hat die Anfrage nicht weitergegeben</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>die Verbindung ist gescheitert</translation>
    </message>
    <message>
        <source>the connection failed (%1)</source>
        <translation>die Verbindung ist gescheitert (%1)</translation>
    </message>
    <message>
        <source>Does the provider report a problem?</source>
        <translation>Meldet der Anbieter ein Problem?</translation>
    </message>
    <message>
        <source>A server on your own computer or network has no public status page.</source>
        <translation>Ein Server auf Ihrem eigenen Computer oder in Ihrem Netzwerk hat keine öffentliche Statusseite.</translation>
    </message>
    <message>
        <source>No public status page is known for this service (give one with --status-url). You can see whether others report problems with it on X or Reddit.</source>
        <translation>Für diesen Dienst ist keine öffentliche Statusseite bekannt (geben Sie eine mit --status-url an). Ob andere Probleme damit melden, sehen Sie auf X oder Reddit.</translation>
    </message>
    <message>
        <source>%1&apos;s status page only shows in a web browser: open %2 to see whether it reports a problem.</source>
        <translation>Die Statusseite von %1 lässt sich nur im Webbrowser anzeigen: Öffnen Sie %2, um zu sehen, ob sie ein Problem meldet.</translation>
    </message>
    <message>
        <source>The API address is not %1&apos;s own, so %1&apos;s status page may not be about it; open %2 if you use %1 behind it.</source>
        <translation>Die API-Adresse gehört nicht %1 selbst, die Statusseite von %1 betrifft sie also vielleicht nicht; öffnen Sie %2, wenn Sie %1 dahinter nutzen.</translation>
    </message>
    <message>
        <source>Reading the status page %1…</source>
        <translation>Die Statusseite %1 wird gelesen …</translation>
    </message>
    <message>
        <source>it kept sending llmdoctor to other addresses (more than %1 redirects)</source>
        <translation>sie hat llmdoctor immer wieder an andere Adressen geschickt (mehr als %1 Weiterleitungen)</translation>
    </message>
    <message>
        <source>it redirected from https to an insecure address (%1), which llmdoctor does not follow</source>
        <translation>sie hat von https auf eine unsichere Adresse weitergeleitet (%1), der llmdoctor nicht folgt</translation>
    </message>
    <message>
        <source>it answered HTTP %1 instead of the status data</source>
        <translation>sie hat HTTP %1 statt der Statusdaten geantwortet</translation>
    </message>
    <message>
        <source>its answer is far too large (over %1 MB) to be status data</source>
        <translation>ihre Antwort ist viel zu groß (über %1 MB), um Statusdaten zu sein</translation>
    </message>
    <message>
        <source>it gave no status data</source>
        <translation>sie hat keine Statusdaten geliefert</translation>
    </message>
    <message>
        <source>%1&apos;s status page could not be read: %2. Open it yourself (%3), or see whether others report problems on X or Reddit. The other checks are not affected.</source>
        <translation>Die Statusseite von %1 ließ sich nicht lesen: %2. Öffnen Sie sie selbst (%3), oder sehen Sie auf X oder Reddit nach, ob andere Probleme melden. Die anderen Prüfungen sind davon nicht betroffen.</translation>
    </message>
    <message>
        <source>%1&apos;s status page reports an outage that affects its API: %2</source>
        <translation>Die Statusseite von %1 meldet eine Störung, die die API betrifft: %2</translation>
    </message>
    <message>
        <source>%1&apos;s status page reports trouble with its API: %2.</source>
        <translation>Die Statusseite von %1 meldet Probleme mit der API: %2.</translation>
    </message>
    <message>
        <source>%1&apos;s status page reports a problem that may affect its API: %2</source>
        <translation>Die Statusseite von %1 meldet ein Problem, das die API betreffen kann: %2</translation>
    </message>
    <message>
        <source>%1 is doing maintenance right now: &quot;%2&quot;.</source>
        <translation>%1 führt gerade Wartungsarbeiten durch: „%2“.</translation>
    </message>
    <message>
        <source>%1&apos;s status page reports a problem (&quot;%2&quot;), but not with the parts that answer API calls.</source>
        <translation>Die Statusseite von %1 meldet ein Problem („%2“), aber nicht bei den Teilen, die API-Aufrufe beantworten.</translation>
    </message>
    <message>
        <source>%1&apos;s status page was read, but its overall state (&quot;%2&quot;) is not one llmdoctor knows.</source>
        <translation>Die Statusseite von %1 wurde gelesen, aber ihren Gesamtzustand („%2“) kennt llmdoctor nicht.</translation>
    </message>
    <message>
        <source>%1&apos;s status page reports no problem%2.</source>
        <translation>Die Statusseite von %1 meldet kein Problem%2.</translation>
    </message>
    <message>
        <source>Do streamed answers arrive word by word?</source>
        <translation>Kommen gestreamte Antworten Wort für Wort an?</translation>
    </message>
    <message>
        <source>Not sent: a streamed test answer may cost a fraction of a cent, so it only runs when you ask for the test request.</source>
        <translation>Nicht gesendet: Eine gestreamte Testantwort kann einen Bruchteil eines Cents kosten; sie läuft deshalb nur, wenn Sie die Testanfrage verlangen.</translation>
    </message>
    <message>
        <source>No model was named, so no streamed answer was asked for.</source>
        <translation>Es wurde kein Modell genannt, also wurde keine gestreamte Antwort angefordert.</translation>
    </message>
    <message>
        <source>Not sent: the model is not in the server&apos;s list (see the model check).</source>
        <translation>Nicht gesendet: Das Modell steht nicht in der Liste des Servers (siehe die Modellprüfung).</translation>
    </message>
    <message>
        <source>Asking for a short streamed answer…</source>
        <translation>Eine kurze gestreamte Antwort wird angefordert …</translation>
    </message>
    <message>
        <source>something on the way (a proxy or gateway)</source>
        <translation>etwas auf dem Weg (ein Proxy oder Gateway)</translation>
    </message>
    <message>
        <source>something on the way (%1)</source>
        <translation>etwas auf dem Weg (%1)</translation>
    </message>
    <message>
        <source>The streamed answer started, then stopped arriving after %1 pieces: %2</source>
        <translation>Die gestreamte Antwort hat begonnen und kam dann nach %1 Stücken nicht mehr an: %2</translation>
    </message>
    <message>
        <source>The streamed request got no answer: %1</source>
        <translation>Die gestreamte Anfrage hat keine Antwort bekommen: %1</translation>
    </message>
    <message>
        <source>The streamed answer never ended: after %1 pieces and %2 bytes llmdoctor stopped reading. A short answer must end; the server, or %3, is broken.</source>
        <translation>Die gestreamte Antwort endete nie: Nach %1 Stücken und %2 Bytes hat llmdoctor aufgehört zu lesen. Eine kurze Antwort muss enden; der Server oder %3 ist defekt.</translation>
    </message>
    <message>
        <source>The answer came in one piece, not as a stream (its type is &quot;%1&quot;): the server, or %2, ignores the request to stream. Apps that show words as they come will wait for the whole answer.</source>
        <translation>Die Antwort kam in einem Stück, nicht als Stream (ihr Typ ist „%1“): Der Server oder %2 übergeht die Bitte ums Streamen. Apps, die Wörter zeigen, sobald sie kommen, warten dann auf die ganze Antwort.</translation>
    </message>
    <message>
        <source>The server said it would stream, but sent no pieces of an answer.</source>
        <translation>Der Server hat Streaming angekündigt, aber keine Stücke einer Antwort geschickt.</translation>
    </message>
    <message>
        <source>The answer arrived all at once after %1 instead of word by word: %2 holds streamed answers back until they are complete. If it is your nginx, add &quot;proxy_buffering off;&quot; to the API&apos;s location, or have the server behind it send the header &quot;X-Accel-Buffering: no&quot;.</source>
        <translation>Die Antwort kam nach %1 auf einmal statt Wort für Wort: %2 hält gestreamte Antworten zurück, bis sie vollständig sind. Wenn es Ihr nginx ist, fügen Sie „proxy_buffering off;“ in die location der API ein, oder lassen Sie den Server dahinter den Header „X-Accel-Buffering: no“ senden.</translation>
    </message>
    <message>
        <source>The streamed answer arrived in %1, too quickly to tell whether it came word by word.</source>
        <translation>Die gestreamte Antwort kam in %1 an, zu schnell, um zu sagen, ob sie Wort für Wort kam.</translation>
    </message>
    <message>
        <source>The answer streams: the first words came after %1, then a piece about every %2 (%3 pieces in %4).</source>
        <translation>Die Antwort wird gestreamt: Die ersten Wörter kamen nach %1, dann etwa alle %2 ein Stück (%3 Stücke in %4).</translation>
    </message>
    <message>
        <source>closed by the other side after %1 idle</source>
        <translation>von der Gegenseite nach %1 Leerlauf geschlossen</translation>
    </message>
    <message>
        <source>closed or reset when reused (%1)</source>
        <translation>beim Wiederverwenden geschlossen oder zurückgesetzt (%1)</translation>
    </message>
    <message>
        <source>no answer when reused (%1)</source>
        <translation>keine Antwort beim Wiederverwenden (%1)</translation>
    </message>
    <message>
        <source>Does the server keep idle connections open?</source>
        <translation>Hält der Server unbenutzte Verbindungen offen?</translation>
    </message>
    <message>
        <source>Not checked: it takes up to 15 seconds, so it only runs when you ask for it.</source>
        <translation>Nicht geprüft: Es dauert bis zu 15 Sekunden und läuft deshalb nur, wenn Sie es verlangen.</translation>
    </message>
    <message>
        <source>Reusing one connection after longer and longer pauses…</source>
        <translation>Eine Verbindung wird nach immer längeren Pausen wiederverwendet …</translation>
    </message>
    <message>
        <source>The proxy, or the server behind it,</source>
        <translation>Der Proxy oder der Server dahinter</translation>
    </message>
    <message>
        <source>The server, or a gateway in front of it,</source>
        <translation>Der Server oder ein Gateway davor</translation>
    </message>
    <message>
        <source>The server or a gateway in front of it (%1)</source>
        <translation>Der Server oder ein Gateway davor (%1)</translation>
    </message>
    <message>
        <source>The connection could not be tested: the first request failed (%1).</source>
        <translation>Die Verbindung ließ sich nicht testen: Die erste Anfrage ist gescheitert (%1).</translation>
    </message>
    <message>
        <source>The server closes the connection after every answer, so no app can reuse one that went stale (each request pays for a new connection).</source>
        <translation>Der Server schließt die Verbindung nach jeder Antwort; keine App kann also eine veraltete wiederverwenden (jede Anfrage bezahlt dafür mit einer neuen Verbindung).</translation>
    </message>
    <message>
        <source>%1 closes a connection after about %2 without traffic. An app that keeps connections open longer than that and reuses one just as it is closed gets &quot;connection reset&quot; or &quot;disconnect/reset before headers&quot;: set its idle limit for pooled connections below %2.</source>
        <translation>%1 schließt eine Verbindung nach etwa %2 ohne Verkehr. Eine App, die Verbindungen länger offen hält und eine genau dann wiederverwendet, wenn sie geschlossen wird, bekommt „connection reset“ oder „disconnect/reset before headers“: Stellen Sie ihr Leerlauflimit für gepoolte Verbindungen unter %2.</translation>
    </message>
    <message>
        <source>A connection left idle for %1 was dropped without any notice (after %2 it still worked): an app that reuses such a connection gets &quot;connection reset&quot; or &quot;disconnect/reset before headers&quot;. Set its idle limit for pooled connections below %2, and retry once on a reset.</source>
        <translation>Eine Verbindung, die %1 unbenutzt war, wurde ohne jede Nachricht fallen gelassen (nach %2 funktionierte sie noch): Eine App, die eine solche Verbindung wiederverwendet, bekommt „connection reset“ oder „disconnect/reset before headers“. Stellen Sie ihr Leerlauflimit für gepoolte Verbindungen unter %2 und wiederholen Sie nach einem Reset einmal.</translation>
    </message>
    <message>
        <source>The connection still worked after being idle for %1%2.</source>
        <translation>Die Verbindung funktionierte noch, nachdem sie %1 unbenutzt war%2.</translation>
    </message>
    <message>
        <source> (the longest pause that fitted in the time limit)</source>
        <translation> (die längste Pause, die ins Zeitlimit passte)</translation>
    </message>
    <message>
        <source>, the longest pause tried</source>
        <translation>, die längste versuchte Pause</translation>
    </message>
    <message>
        <source>%1 answered that nothing is listening on port %2 (connection refused).</source>
        <translation>%1 hat geantwortet, dass auf Port %2 nichts lauscht (Verbindung abgelehnt).</translation>
    </message>
    <message>
        <source>%1 did not respond on port %2: the connection attempt timed out.</source>
        <translation>%1 hat auf Port %2 nicht reagiert: Der Verbindungsversuch hat zu lange gedauert.</translation>
    </message>
    <message>
        <source>Your computer has no route to %1 (network unreachable).</source>
        <translation>Ihr Computer hat keine Route zu %1 (Netzwerk nicht erreichbar).</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be looked up.</source>
        <translation>Der Name des Servers ließ sich nicht nachschlagen.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not signed by an authority your computer trusts.</source>
        <translation>Das Zertifikat des Servers ist von keiner Stelle unterschrieben, der Ihr Computer vertraut.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has expired or is not valid yet.</source>
        <translation>Das Zertifikat des Servers ist abgelaufen oder noch nicht gültig.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is for a different name than %1.</source>
        <translation>Das Zertifikat des Servers gilt für einen anderen Namen als %1.</translation>
    </message>
    <message>
        <source>The secure connection could not be set up (TLS handshake failed).</source>
        <translation>Die sichere Verbindung ließ sich nicht aufbauen (TLS-Handshake gescheitert).</translation>
    </message>
    <message>
        <source>The proxy did not let the connection through.</source>
        <translation>Der Proxy hat die Verbindung nicht durchgelassen.</translation>
    </message>
    <message>
        <source>The connection was closed in the middle of the server&apos;s answer (HTTP %1; %2 bytes of it arrived).</source>
        <translation>Die Verbindung wurde mitten in der Antwort des Servers geschlossen (HTTP %1; %2 Bytes davon kamen an).</translation>
    </message>
    <message>
        <source>The connection was closed before the server sent any answer.</source>
        <translation>Die Verbindung wurde geschlossen, bevor der Server irgendeine Antwort geschickt hat.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not valid HTTP.</source>
        <translation>Die Antwort des Servers ist kein gültiges HTTP.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Can your computer find the server?</source>
        <translation>Findet Ihr Computer den Server?</translation>
    </message>
    <message>
        <source>%1 is already a numeric (IP) address: no lookup needed.</source>
        <translation>%1 ist bereits eine numerische (IP-)Adresse: Es ist keine Abfrage nötig.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>%1 wird nachgeschlagen …</translation>
    </message>
    <message>
        <source>Your computer could not look up %1: it has no working network connection.</source>
        <translation>Ihr Computer konnte %1 nicht nachschlagen: Er hat keine funktionierende Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>Your computer could not find %1: the name does not exist.%2</source>
        <translation>Ihr Computer konnte %1 nicht finden: Den Namen gibt es nicht.%2</translation>
    </message>
    <message>
        <source>Your computer could not look up %1: the name lookup service failed.</source>
        <translation>Ihr Computer konnte %1 nicht nachschlagen: Der Namensdienst hat versagt.</translation>
    </message>
    <message>
        <source>Found %1 (%2 address) in %3.</source>
        <translation>%1 in %3 gefunden (%2-Adresse).</translation>
    </message>
    <message>
        <source>Found %1 (%2 addresses) in %3.</source>
        <translation>%1 in %3 gefunden (%2-Adressen).</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Can your computer reach the server?</source>
        <translation>Erreicht Ihr Computer den Server?</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird aufgebaut …</translation>
    </message>
    <message>
        <source>Connected to %1 port %2 over %3, but not over %4. Most programs fall back by themselves.</source>
        <translation>Verbunden mit %1 Port %2 über %3, aber nicht über %4. Die meisten Programme weichen von selbst aus.</translation>
    </message>
    <message>
        <source>Connected to %1 port %2 (%3).</source>
        <translation>Verbunden mit %1 Port %2 (%3).</translation>
    </message>
    <message>
        <source>Is the connection private and the certificate valid?</source>
        <translation>Ist die Verbindung vertraulich und das Zertifikat gültig?</translation>
    </message>
    <message>
        <source>The address starts with http://, so the connection is not encrypted.</source>
        <translation>Die Adresse beginnt mit http://, die Verbindung ist also nicht verschlüsselt.</translation>
    </message>
    <message>
        <source>Setting up a secure connection…</source>
        <translation>Eine sichere Verbindung wird aufgebaut …</translation>
    </message>
    <message>
        <source>Secure connection set up (%1); the certificate for %2 is valid.</source>
        <translation>Sichere Verbindung aufgebaut (%1); das Zertifikat für %2 ist gültig.</translation>
    </message>
    <message>
        <source>Secure connection set up (%1); the certificate for %2 is valid until %3.</source>
        <translation>Sichere Verbindung aufgebaut (%1); das Zertifikat für %2 ist gültig bis %3.</translation>
    </message>
    <message>
        <source>No secure connection: %1</source>
        <translation>Keine sichere Verbindung: %1</translation>
    </message>
    <message>
        <source>%1, issued by %2, valid %3 to %4%5</source>
        <translation>%1, ausgestellt von %2, gültig von %3 bis %4%5</translation>
    </message>
    <message>
        <source>Does the API answer?</source>
        <translation>Antwortet die API?</translation>
    </message>
    <message>
        <source>Asking %1 for its list of models…</source>
        <translation>%1 wird nach seiner Liste von Modellen gefragt …</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 and then kept sending: the answer had not ended after %3 bytes, so llmdoctor stopped reading. The server (or a gateway in front of it) is broken.</source>
        <translation>%1 hat HTTP %2 geantwortet und dann immer weiter gesendet: Nach %3 Bytes war die Antwort noch nicht zu Ende, also hat llmdoctor aufgehört zu lesen. Der Server (oder ein Gateway davor) ist defekt.</translation>
    </message>
    <message>
        <source>%1 answered with a web page, not with the API&apos;s list of models.</source>
        <translation>%1 hat mit einer Webseite geantwortet, nicht mit der Modellliste der API.</translation>
    </message>
    <message>
        <source>%1 answered with a web page (&quot;%2&quot;), not with the API&apos;s list of models.</source>
        <translation>%1 hat mit einer Webseite („%2“) geantwortet, nicht mit der Modellliste der API.</translation>
    </message>
    <message>
        <source>The API address moved: %1 sends requests on to %2 (HTTP %3). llmdoctor does not follow it with your key; use the new address.</source>
        <translation>Die API-Adresse ist umgezogen: %1 leitet Anfragen an %2 weiter (HTTP %3). llmdoctor folgt dem nicht mit Ihrem Schlüssel; verwenden Sie die neue Adresse.</translation>
    </message>
    <message>
        <source>The API answered (HTTP %1), so the address is right; what it said about your key or account is the next step.</source>
        <translation>Die API hat geantwortet (HTTP %1), die Adresse stimmt also; was sie über Ihren Schlüssel oder Ihr Konto gesagt hat, ist der nächste Schritt.</translation>
    </message>
    <message>
        <source>Does the model you named exist?</source>
        <translation>Gibt es das Modell, das Sie genannt haben?</translation>
    </message>
    <message>
        <source>No model name was given, so there is nothing to look up.</source>
        <translation>Es wurde kein Modellname angegeben, also gibt es nichts nachzusehen.</translation>
    </message>
    <message>
        <source>The list of models could not be read, so the name could not be checked.</source>
        <translation>Die Modellliste ließ sich nicht lesen, also ließ sich der Name nicht prüfen.</translation>
    </message>
    <message>
        <source>The server&apos;s list of models is empty or unreadable, so &quot;%1&quot; could not be checked.</source>
        <translation>Die Modellliste des Servers ist leer oder unlesbar, also ließ sich „%1“ nicht prüfen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is one of the %2 models this server offers.</source>
        <translation>„%1“ ist eines der %2 Modelle, die dieser Server anbietet.</translation>
    </message>
    <message>
        <source>This server has no model called &quot;%1&quot;.</source>
        <translation>Dieser Server hat kein Modell namens „%1“.</translation>
    </message>
    <message>
        <source>This server has no model called &quot;%1&quot;: model names are case-sensitive, and it is called &quot;%2&quot;.</source>
        <translation>Dieser Server hat kein Modell namens „%1“: Bei Modellnamen zählt die Groß- und Kleinschreibung, und es heißt „%2“.</translation>
    </message>
    <message>
        <source>This server has no model called &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation>Dieser Server hat kein Modell namens „%1“. Meinten Sie „%2“?</translation>
    </message>
    <message>
        <source>Is the API address written correctly?</source>
        <translation>Ist die API-Adresse richtig geschrieben?</translation>
    </message>
    <message>
        <source>The address is written correctly.</source>
        <translation>Die Adresse ist richtig geschrieben.</translation>
    </message>
    <message>
        <source>Does the API key look right?</source>
        <translation>Sieht der API-Schlüssel richtig aus?</translation>
    </message>
    <message>
        <source>The key is carried in the address (%1); it is never shown.</source>
        <translation>Der Schlüssel steckt in der Adresse (%1); er wird nie angezeigt.</translation>
    </message>
    <message>
        <source>No API key was given. Servers on your own computer usually need none.</source>
        <translation>Es wurde kein API-Schlüssel angegeben. Server auf Ihrem eigenen Computer brauchen meist keinen.</translation>
    </message>
    <message>
        <source>The key has no stray spaces, quotes or other extra characters.</source>
        <translation>Der Schlüssel hat keine überzähligen Leerzeichen, Anführungszeichen oder andere zusätzliche Zeichen.</translation>
    </message>
    <message>
        <source>The key has the shape of a %1 key, with no stray characters.</source>
        <translation>Der Schlüssel hat die Form eines %1-Schlüssels, ohne überzählige Zeichen.</translation>
    </message>
    <message>
        <source>Is your API key accepted?</source>
        <translation>Wird Ihr API-Schlüssel angenommen?</translation>
    </message>
    <message>
        <source>The API gave no answer to read the key&apos;s status from.</source>
        <translation>Die API hat keine Antwort gegeben, aus der sich der Zustand des Schlüssels lesen ließe.</translation>
    </message>
    <message>
        <source>Trying the key again without the stray characters…</source>
        <translation>Der Schlüssel wird noch einmal ohne die überzähligen Zeichen versucht …</translation>
    </message>
    <message>
        <source>The server answered without a key: it does not need one.</source>
        <translation>Der Server hat ohne Schlüssel geantwortet: Er braucht keinen.</translation>
    </message>
    <message>
        <source>Your API key is accepted once the spaces or line breaks around it are removed; make sure your app removes them too.</source>
        <translation>Ihr API-Schlüssel wird angenommen, sobald die Leerzeichen oder Zeilenumbrüche um ihn herum entfernt sind; stellen Sie sicher, dass Ihre App sie auch entfernt.</translation>
    </message>
    <message>
        <source>Your API key is accepted.</source>
        <translation>Ihr API-Schlüssel wird angenommen.</translation>
    </message>
    <message>
        <source>The server wants an API key, and none was sent (HTTP %1).</source>
        <translation>Der Server will einen API-Schlüssel, und es wurde keiner gesendet (HTTP %1).</translation>
    </message>
    <message>
        <source>The provider rejected your API key (HTTP %1).%2</source>
        <translation>Der Anbieter hat Ihren API-Schlüssel abgelehnt (HTTP %1).%2</translation>
    </message>
    <message>
        <source>Your key is valid, but the account has run out of credit or quota (HTTP %1): waiting or retrying will not help.</source>
        <translation>Ihr Schlüssel ist gültig, aber das Konto hat kein Guthaben oder Kontingent mehr (HTTP %1): Warten oder erneutes Versuchen hilft nicht.</translation>
    </message>
    <message>
        <source>Your key is accepted, but the provider is limiting your requests right now (HTTP 429); it asks you to wait %1.</source>
        <translation>Ihr Schlüssel wird angenommen, aber der Anbieter begrenzt gerade Ihre Anfragen (HTTP 429); er bittet Sie, %1 zu warten.</translation>
    </message>
    <message>
        <source>Your key is accepted, but the provider is limiting your requests right now (HTTP 429).</source>
        <translation>Ihr Schlüssel wird angenommen, aber der Anbieter begrenzt gerade Ihre Anfragen (HTTP 429).</translation>
    </message>
    <message>
        <source>The API&apos;s answer (HTTP %1) says nothing about the key.</source>
        <translation>Die Antwort der API (HTTP %1) sagt nichts über den Schlüssel.</translation>
    </message>
    <message>
        <source>quotation marks</source>
        <translation>die Anführungszeichen</translation>
    </message>
    <message>
        <source>word &quot;Bearer&quot;</source>
        <translation>das Wort „Bearer“</translation>
    </message>
    <message>
        <source>spaces and line breaks</source>
        <translation>die Leerzeichen und Zeilenumbrüche</translation>
    </message>
    <message>
        <source>invisible characters</source>
        <translation>die unsichtbaren Zeichen</translation>
    </message>
    <message>
        <source>typographic dashes</source>
        <translation>die typografischen Striche</translation>
    </message>
    <message>
        <source>The key is rejected as typed, but accepted once the stray characters are removed: correct the key where your app stores it.</source>
        <translation>Der Schlüssel wird so, wie er eingegeben ist, abgelehnt, aber angenommen, sobald die überzähligen Zeichen entfernt sind: Korrigieren Sie den Schlüssel dort, wo Ihre App ihn speichert.</translation>
    </message>
    <message>
        <source>The key is rejected as typed, but accepted once the %1 is removed: correct the key where your app stores it.</source>
        <translation>Der Schlüssel wird so, wie er eingegeben ist, abgelehnt, aber angenommen, sobald %1 entfernt ist: Korrigieren Sie den Schlüssel dort, wo Ihre App ihn speichert.</translation>
    </message>
    <message>
        <source>The key is rejected as typed, but accepted once the %1 are removed: correct the key where your app stores it.</source>
        <translation>Der Schlüssel wird so, wie er eingegeben ist, abgelehnt, aber angenommen, sobald %1 entfernt sind: Korrigieren Sie den Schlüssel dort, wo Ihre App ihn speichert.</translation>
    </message>
    <message>
        <source> Removing the stray characters does not help either.</source>
        <translation> Auch das Entfernen der überzähligen Zeichen hilft nicht.</translation>
    </message>
    <message>
        <source>Does a tiny test request work?</source>
        <translation>Funktioniert eine winzige Testanfrage?</translation>
    </message>
    <message>
        <source>Not sent: a test request may cost a fraction of a cent, so it only runs when you ask for it.</source>
        <translation>Nicht gesendet: Eine Testanfrage kann einen Bruchteil eines Cents kosten; sie läuft deshalb nur, wenn Sie sie verlangen.</translation>
    </message>
    <message>
        <source>No model was named, so no test request was sent.</source>
        <translation>Es wurde kein Modell genannt, also wurde keine Testanfrage gesendet.</translation>
    </message>
    <message>
        <source>Sending one tiny test request…</source>
        <translation>Eine winzige Testanfrage wird gesendet …</translation>
    </message>
    <message>
        <source>The test request got no answer: %1</source>
        <translation>Die Testanfrage hat keine Antwort bekommen: %1</translation>
    </message>
    <message>
        <source>The test request&apos;s answer (HTTP %1) never ended: llmdoctor stopped reading after %2 bytes. The server, or a gateway in front of it, is broken.</source>
        <translation>Die Antwort auf die Testanfrage (HTTP %1) endete nie: llmdoctor hat nach %2 Bytes aufgehört zu lesen. Der Server oder ein Gateway davor ist defekt.</translation>
    </message>
    <message>
        <source>The model answered a one-word test request.</source>
        <translation>Das Modell hat eine Testanfrage mit einem Wort beantwortet.</translation>
    </message>
    <message>
        <source>%1 hops found…</source>
        <translation>%1 Hops gefunden …</translation>
    </message>
    <message>
        <source>the proxy %1</source>
        <translation>den Proxy %1</translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <source>connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>retried after a lost packet</source>
        <translation>nach verlorenem Paket wiederholt</translation>
    </message>
    <message>
        <source>estimated loss</source>
        <translation>geschätzter Verlust</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>status page</source>
        <translation>Statusseite</translation>
    </message>
    <message>
        <source>search X</source>
        <translation>auf X suchen</translation>
    </message>
    <message>
        <source>search Reddit</source>
        <translation>auf Reddit suchen</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>overall</source>
        <translation>Gesamtzustand</translation>
    </message>
    <message>
        <source>affected components</source>
        <translation>betroffene Komponenten</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>Störung</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
    <message>
        <source>request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>content type</source>
        <translation>Inhaltstyp</translation>
    </message>
    <message>
        <source>pieces</source>
        <translation>Teile</translation>
    </message>
    <message>
        <source>arrived in reads</source>
        <translation>angekommen in Lesevorgängen</translation>
    </message>
    <message>
        <source>headers after</source>
        <translation>Header nach</translation>
    </message>
    <message>
        <source>first words after</source>
        <translation>erste Wörter nach</translation>
    </message>
    <message>
        <source>longest pause</source>
        <translation>längste Pause</translation>
    </message>
    <message>
        <source>typical pause</source>
        <translation>typische Pause</translation>
    </message>
    <message>
        <source>last piece after</source>
        <translation>letztes Teil nach</translation>
    </message>
    <message>
        <source>all at once</source>
        <translation>alles auf einmal</translation>
    </message>
    <message>
        <source>hops</source>
        <translation>Stationen</translation>
    </message>
    <message>
        <source>through proxy</source>
        <translation>über Proxy</translation>
    </message>
    <message>
        <source>closed after idle</source>
        <translation>nach Leerlauf geschlossen</translation>
    </message>
    <message>
        <source>dropped after idle</source>
        <translation>nach Leerlauf abgebrochen</translation>
    </message>
    <message>
        <source>kept open for</source>
        <translation>offen gehalten für</translation>
    </message>
    <message>
        <source>first request</source>
        <translation>erste Anfrage</translation>
    </message>
    <message>
        <source>less than 1 s</source>
        <translation>weniger als 1 s</translation>
    </message>
    <message>
        <source>connected to</source>
        <translation>verbunden mit</translation>
    </message>
    <message>
        <source>proxy answer</source>
        <translation>Antwort des Proxys</translation>
    </message>
    <message>
        <source>provider message</source>
        <translation>Meldung des Anbieters</translation>
    </message>
    <message>
        <source>provider code</source>
        <translation>Code des Anbieters</translation>
    </message>
    <message>
        <source>provider error type</source>
        <translation>Fehlertyp des Anbieters</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>lookup result</source>
        <translation>Ergebnis der Namensauflösung</translation>
    </message>
    <message>
        <source>name not found</source>
        <translation>Name nicht gefunden</translation>
    </message>
    <message>
        <source>lookup failed</source>
        <translation>Auflösung fehlgeschlagen</translation>
    </message>
    <message>
        <source>network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>known host</source>
        <translation>bekannter Host</translation>
    </message>
    <message>
        <source>addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>cipher</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>certificate name matches</source>
        <translation>Name im Zertifikat passt</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>page title</source>
        <translation>Seitentitel</translation>
    </message>
    <message>
        <source>moved to</source>
        <translation>umgezogen nach</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>did you mean</source>
        <translation>meinten Sie</translation>
    </message>
    <message>
        <source>models offered</source>
        <translation>angebotene Modelle</translation>
    </message>
    <message>
        <source>blocked by</source>
        <translation>blockiert durch</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>type instead</source>
        <translation>stattdessen eingeben</translation>
    </message>
    <message>
        <source>length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>cleaned key</source>
        <translation>bereinigter Schlüssel</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>manage keys at</source>
        <translation>Schlüssel verwalten unter</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgewiesen</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeit abgelaufen</translation>
    </message>
    <message>
        <source>not connected in %1 s</source>
        <translation>in %1 s nicht verbunden</translation>
    </message>
    <message>
        <source>hop %1</source>
        <translation>Station %1</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>Versuch %1</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%1 nach %2</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 Port %2</translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation>Zertifikat %1</translation>
    </message>
    <message>
        <source>stopped reading after %1 bytes</source>
        <translation>Lesen nach %1 Bytes beendet</translation>
    </message>
    <message>
        <source>rejected too (HTTP %1)</source>
        <translation>ebenfalls abgelehnt (HTTP %1)</translation>
    </message>
    <message>
        <source>after %1 idle</source>
        <translation>nach %1 Leerlauf</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>answered (HTTP %1)</source>
        <translation>beantwortet (HTTP %1)</translation>
    </message>
    <message>
        <source>unreachable (%1)</source>
        <translation>nicht erreichbar (%1)</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>name lookup</source>
        <comment>glossary: other words for DNS, comma-separated</comment>
        <translation>Namensauflösung, Namen auflösen</translation>
    </message>
    <message>
        <source>certificate</source>
        <comment>glossary: other words for TLS, comma-separated</comment>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>gateway</source>
        <comment>glossary: other words for gateway, comma-separated</comment>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>proxy</source>
        <comment>glossary: other words for proxy, comma-separated</comment>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>rate limit</source>
        <comment>glossary: other words for rate limit, comma-separated</comment>
        <translation>Ratenlimit, Anfragelimit, Ratenbegrenzung</translation>
    </message>
    <message>
        <source>retry-after</source>
        <comment>glossary: other words for retry-after, comma-separated</comment>
        <translation>Retry-After</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>Retry-after</source>
        <translation>Retry-After</translation>
    </message>
    <message>
        <source>The internet&apos;s phone book: it turns a name like api.openai.com into the number (IP address) your computer connects to.</source>
        <translation>Das Telefonbuch des Internets: Es macht aus einem Namen wie api.openai.com die Nummer (IP-Adresse), mit der sich Ihr Computer verbindet.</translation>
    </message>
    <message>
        <source>The encryption behind https: it keeps the connection private, and the server&apos;s certificate proves it is the server it claims to be.</source>
        <translation>Die Verschlüsselung hinter https: Sie hält die Verbindung privat, und das Zertifikat des Servers beweist, dass er der Server ist, der er zu sein behauptet.</translation>
    </message>
    <message>
        <source>A server between you and the model&apos;s server that passes your requests on; &quot;Bad Gateway&quot; means it got no usable answer from the server behind it.</source>
        <translation>Ein Server zwischen Ihnen und dem Server des Modells, der Ihre Anfragen weiterreicht; „Bad Gateway“ heißt, dass er vom Server dahinter keine brauchbare Antwort bekam.</translation>
    </message>
    <message>
        <source>A server, often your company&apos;s, that your computer sends its internet traffic through instead of connecting directly.</source>
        <translation>Ein Server, oft der Ihrer Firma, über den Ihr Computer seinen Internetverkehr schickt, statt sich direkt zu verbinden.</translation>
    </message>
    <message>
        <source>How many requests the provider lets you send per minute; above it, it answers 429 until the limit resets.</source>
        <translation>Wie viele Anfragen der Anbieter Ihnen pro Minute erlaubt; darüber antwortet er mit 429, bis das Limit zurückgesetzt wird.</translation>
    </message>
    <message>
        <source>The server telling you how many seconds to wait before you try again.</source>
        <translation>Die Angabe des Servers, wie viele Sekunden Sie warten sollen, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Lint</name>
    <message>
        <source>The API address is empty.</source>
        <translation>Die API-Adresse ist leer.</translation>
    </message>
    <message>
        <source>The API address &quot;%1&quot; contains spaces; copy it again without them.</source>
        <translation>Die API-Adresse „%1“ enthält Leerzeichen; kopieren Sie sie noch einmal ohne sie.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks mistyped: a web address starts with https:// (a colon and two slashes), like https://api.openai.com/v1.</source>
        <translation>„%1“ sieht vertippt aus: Eine Webadresse beginnt mit https:// (ein Doppelpunkt und zwei Schrägstriche), etwa https://api.openai.com/v1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid web address: check it for typos, and that a port (after the colon) is a number.</source>
        <translation>„%1“ ist keine gültige Webadresse: Prüfen Sie sie auf Tippfehler und ob ein Port (nach dem Doppelpunkt) eine Zahl ist.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; starts with %2://; API addresses start with https:// (or http:// for a server on your own computer).</source>
        <translation>„%1“ beginnt mit %2://; API-Adressen beginnen mit https:// (oder http:// für einen Server auf Ihrem eigenen Computer).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no server name.</source>
        <translation>„%1“ enthält keinen Servernamen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names port 0, where no server can listen: use the port your server listens on, or none for the usual one.</source>
        <translation>„%1“ nennt Port 0, auf dem kein Server lauschen kann: Verwenden Sie den Port, auf dem Ihr Server lauscht, oder keinen für den üblichen.</translation>
    </message>
    <message>
        <source>No API key was given, and %1 needs one.%2</source>
        <translation>Es wurde kein API-Schlüssel angegeben, und %1 braucht einen.%2</translation>
    </message>
    <message>
        <source> You can create one at %1.</source>
        <translation> Sie können einen unter %1 erstellen.</translation>
    </message>
    <message>
        <source>starts with a line break</source>
        <translation>beginnt mit einem Zeilenumbruch</translation>
    </message>
    <message>
        <source>starts with a space</source>
        <translation>beginnt mit einem Leerzeichen</translation>
    </message>
    <message>
        <source>ends with a line break</source>
        <translation>endet mit einem Zeilenumbruch</translation>
    </message>
    <message>
        <source>ends with a space</source>
        <translation>endet mit einem Leerzeichen</translation>
    </message>
    <message>
        <source>The key %1: remove it where your app stores the key.</source>
        <translation>Der Schlüssel %1: Entfernen Sie es dort, wo Ihre App den Schlüssel speichert.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>The key begins with the word &quot;Bearer&quot;: your app adds that word itself, so paste only the key that follows it.</source>
        <translation>Der Schlüssel beginnt mit dem Wort „Bearer“: Ihre App fügt dieses Wort selbst hinzu; fügen Sie also nur den Schlüssel danach ein.</translation>
    </message>
    <message>
        <source>The key is wrapped in quotation marks: paste it without them.</source>
        <translation>Der Schlüssel steht in Anführungszeichen: Fügen Sie ihn ohne sie ein.</translation>
    </message>
    <message>
        <source>The key has a space or line break in the middle: it was probably copied across two lines. Copy it again in one piece.</source>
        <translation>Der Schlüssel hat in der Mitte ein Leerzeichen oder einen Zeilenumbruch: Er wurde wohl über zwei Zeilen kopiert. Kopieren Sie ihn noch einmal in einem Stück.</translation>
    </message>
    <message>
        <source>The key contains an invisible character (for example a zero-width space) that came along when it was copied.</source>
        <translation>Der Schlüssel enthält ein unsichtbares Zeichen (zum Beispiel ein Leerzeichen ohne Breite), das beim Kopieren mitgekommen ist.</translation>
    </message>
    <message>
        <source>The key contains a typographic dash (–) where it should have a plain hyphen (-): a word processor or chat app changed it.</source>
        <translation>Der Schlüssel enthält einen typografischen Strich (–), wo ein einfacher Bindestrich (-) stehen sollte: Ein Textprogramm oder eine Chat-App hat ihn verändert.</translation>
    </message>
    <message>
        <source>The key contains a character that is not a plain letter, digit or hyphen, which API keys never do: copy it again from the provider&apos;s website.</source>
        <translation>Der Schlüssel enthält ein Zeichen, das kein einfacher Buchstabe, keine Ziffer und kein Bindestrich ist, und das kommt in API-Schlüsseln nie vor: Kopieren Sie ihn noch einmal von der Website des Anbieters.</translation>
    </message>
    <message>
        <source>The key is a placeholder from an example, not a real key: replace it with the key from your account on the provider&apos;s website.</source>
        <translation>Der Schlüssel ist ein Platzhalter aus einem Beispiel, kein echter Schlüssel: Ersetzen Sie ihn durch den Schlüssel aus Ihrem Konto auf der Website des Anbieters.</translation>
    </message>
    <message>
        <source>The key looks like a key for %1 (it starts the way their keys do), but you chose %2. Keys only work with the provider that issued them.</source>
        <translation>Der Schlüssel sieht nach einem Schlüssel für %1 aus (er beginnt so wie deren Schlüssel), aber Sie haben %2 gewählt. Schlüssel funktionieren nur beim Anbieter, der sie ausgegeben hat.</translation>
    </message>
    <message>
        <source>The key does not start the way %1 keys do (%2).</source>
        <translation>Der Schlüssel beginnt nicht so, wie %1-Schlüssel beginnen (%2).</translation>
    </message>
    <message>
        <source>The key is %1 characters long, but %2 keys have %3: it may be cut off or have something extra. Copy it again.</source>
        <translation>Der Schlüssel ist %1 Zeichen lang, aber %2-Schlüssel haben %3: Vielleicht ist er abgeschnitten oder hat etwas zu viel. Kopieren Sie ihn noch einmal.</translation>
    </message>
    <message>
        <source>The key is only %1 characters long; real API keys are much longer. Copy it again.</source>
        <translation>Der Schlüssel ist nur %1 Zeichen lang; echte API-Schlüssel sind viel länger. Kopieren Sie ihn noch einmal.</translation>
    </message>
    <message>
        <source>a wide (full-width) character</source>
        <translation>ein breites (Vollbreiten-)Zeichen</translation>
    </message>
    <message>
        <source>The address has a space or line break at its start or end; remove it and type &quot;%1&quot;.</source>
        <translation>Die Adresse hat am Anfang oder Ende ein Leerzeichen oder einen Zeilenumbruch; entfernen Sie es und geben Sie „%1“ ein.</translation>
    </message>
    <message>
        <source>The address has a space or line break in the middle; type &quot;%1&quot; instead.</source>
        <translation>Die Adresse hat in der Mitte ein Leerzeichen oder einen Zeilenumbruch; geben Sie stattdessen „%1“ ein.</translation>
    </message>
    <message>
        <source>an invisible character</source>
        <translation>ein unsichtbares Zeichen</translation>
    </message>
    <message>
        <source>%1 that looks like &quot;%2&quot;</source>
        <translation>%1, das wie „%2“ aussieht</translation>
    </message>
    <message>
        <source>The address contains %1, so it points to a different server than it seems. Type it by hand: &quot;%2&quot;.</source>
        <translation>Die Adresse enthält %1 und zeigt deshalb auf einen anderen Server, als es scheint. Tippen Sie sie von Hand: „%2“.</translation>
    </message>
    <message>
        <source>The address starts with http://, so the key would travel unencrypted, and cloud APIs refuse such connections. Type &quot;%1&quot;.</source>
        <translation>Die Adresse beginnt mit http://; der Schlüssel würde also unverschlüsselt übertragen, und Cloud-APIs lehnen solche Verbindungen ab. Geben Sie „%1“ ein.</translation>
    </message>
    <message>
        <source>The address ends with %1, which is one endpoint of the API, not its base address: your app adds that part itself. Type &quot;%2&quot;.</source>
        <translation>Die Adresse endet auf %1, einen einzelnen Endpunkt der API, nicht ihre Basisadresse: Diesen Teil fügt Ihre App selbst hinzu. Geben Sie „%2“ ein.</translation>
    </message>
    <message>
        <source>The address has /v1 twice, so every request goes to a path that does not exist. Type &quot;%1&quot;.</source>
        <translation>Die Adresse enthält /v1 zweimal, also geht jede Anfrage an einen Pfad, den es nicht gibt. Geben Sie „%1“ ein.</translation>
    </message>
    <message>
        <source>The address is missing the %1 at its end, so requests go to a path that does not exist. Type &quot;%2&quot;.</source>
        <translation>Der Adresse fehlt am Ende %1, also gehen Anfragen an einen Pfad, den es nicht gibt. Geben Sie „%2“ ein.</translation>
    </message>
    <message>
        <source>%1&apos;s API address is &quot;%2&quot;; yours has a different path.</source>
        <translation>Die API-Adresse von %1 ist „%2“; Ihre hat einen anderen Pfad.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is almost &quot;%2&quot;, the address of %3. Did you mean &quot;%4&quot;?</source>
        <translation>„%1“ ist fast „%2“, die Adresse von %3. Meinten Sie „%4“?</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2&apos;s website, not its API. Type &quot;%3&quot;.</source>
        <translation>„%1“ ist die Website von %2, nicht seine API. Geben Sie „%3“ ein.</translation>
    </message>
    <message>
        <source>The address does not say how to connect: type &quot;%1&quot; (with %2:// in front).</source>
        <translation>Die Adresse sagt nicht, wie verbunden werden soll: Geben Sie „%1“ ein (mit %2:// davor).</translation>
    </message>
    <message>
        <source>This is the address of %1, but you chose %2. Pick %1, or type %2&apos;s address &quot;%3&quot;.</source>
        <translation>Das ist die Adresse von %1, aber Sie haben %2 gewählt. Wählen Sie %1, oder geben Sie die Adresse von %2 ein: „%3“.</translation>
    </message>
</context>
<context>
    <name>Monitor</name>
    <message>
        <source>llmdoctor&apos;s own time limit of %1 per request: the answer takes longer than that, or never comes</source>
        <translation>das eigene Zeitlimit von llmdoctor von %1 pro Anfrage: Die Antwort dauert länger oder kommt nie</translation>
    </message>
    <message>
        <source>Run again with a longer --timeout to see whether the answer comes at all, and after how long; if something on the way gives up first, its limit will show.</source>
        <translation>Starten Sie erneut mit einem längeren --timeout, um zu sehen, ob die Antwort überhaupt kommt und nach wie langer Zeit; wenn etwas auf dem Weg vorher aufgibt, zeigt sich sein Limit.</translation>
    </message>
    <message>
        <source>a proxy or gateway on the way that gives up after about %1</source>
        <translation>ein Proxy oder Gateway auf dem Weg, das nach etwa %1 aufgibt</translation>
    </message>
    <message>
        <source>%1 (named in the failed answers), which gives up after about %2</source>
        <translation>%1 (in den gescheiterten Antworten genannt), das nach etwa %2 aufgibt</translation>
    </message>
    <message>
        <source>The gateway answered &quot;timed out&quot; itself: </source>
        <translation>Das Gateway hat selbst „timed out“ geantwortet: </translation>
    </message>
    <message>
        <source>requests that take longer than %1 are cut off on the way. If you run that proxy, raise its time limit for reading the answer (nginx: proxy_read_timeout; HAProxy: timeout server; Envoy: the route&apos;s timeout); otherwise use streaming so bytes flow before the limit, or ask the provider.</source>
        <translation>Anfragen, die länger als %1 dauern, werden unterwegs abgeschnitten. Wenn Sie diesen Proxy betreiben, erhöhen Sie sein Zeitlimit fürs Lesen der Antwort (nginx: proxy_read_timeout; HAProxy: timeout server; Envoy: das timeout der Route); sonst nutzen Sie Streaming, damit Bytes vor dem Limit fließen, oder fragen Sie den Anbieter.</translation>
    </message>
    <message>
        <source>; your proxy is one candidate</source>
        <translation>; Ihr Proxy ist ein Kandidat</translation>
    </message>
    <message>
        <source>a connection kept open while idle is closed on the other side after about %1 without telling the client (a keep-alive mismatch): the next request on it fails with &quot;reset before headers&quot;</source>
        <translation>eine unbenutzt offen gehaltene Verbindung wird auf der Gegenseite nach etwa %1 geschlossen, ohne dass der Client davon erfährt (ein Keep-alive-Konflikt): Die nächste Anfrage darauf scheitert mit „reset before headers“</translation>
    </message>
    <message>
        <source>Make clients drop pooled connections that have been idle for less than %1 (httpx: keepalive_expiry; Node.js: the agent&apos;s keep-alive timeout; requests/urllib3: a smaller pool lifetime), and retry once on a connection reset. If you run the gateway, keep its upstream keep-alive timeout shorter than the server&apos;s.</source>
        <translation>Lassen Sie Clients gepoolte Verbindungen verwerfen, die kürzer als %1 unbenutzt waren (httpx: keepalive_expiry; Node.js: das Keep-alive-Zeitlimit des Agents; requests/urllib3: eine kürzere Lebensdauer des Pools), und wiederholen Sie nach einem Verbindungs-Reset einmal. Wenn Sie das Gateway betreiben, halten Sie sein Keep-alive-Zeitlimit zum Upstream kürzer als das des Servers.</translation>
    </message>
    <message>
        <source>the IPv6 route to the server: %1 of %2 requests over IPv6 failed while %3 of %4 over IPv4 worked</source>
        <translation>die IPv6-Route zum Server: %1 von %2 Anfragen über IPv6 sind gescheitert, während %3 von %4 über IPv4 funktioniert haben</translation>
    </message>
    <message>
        <source>Programs that try IPv6 first wait or fail where IPv4 would work. Tell your network administrator or internet provider that IPv6 to this server is broken; until then prefer IPv4 (on Linux: `precedence ::ffff:0:0/96 100` in /etc/gai.conf).</source>
        <translation>Programme, die zuerst IPv6 versuchen, warten oder scheitern, wo IPv4 funktionieren würde. Sagen Sie Ihrer Netzwerkverwaltung oder Ihrem Internetanbieter, dass IPv6 zu diesem Server kaputt ist; bis dahin bevorzugen Sie IPv4 (unter Linux: `precedence ::ffff:0:0/96 100` in /etc/gai.conf).</translation>
    </message>
    <message>
        <source>a longer IPv6 route: connecting over IPv6 takes %1 ms against %2 ms over IPv4</source>
        <translation>eine längere IPv6-Route: Der Verbindungsaufbau über IPv6 dauert %1 ms gegenüber %2 ms über IPv4</translation>
    </message>
    <message>
        <source>Not an error, but every new connection pays the difference. If it matters, prefer IPv4 for this server, and tell your network administrator.</source>
        <translation>Kein Fehler, aber jede neue Verbindung bezahlt den Unterschied. Wenn es wichtig ist, bevorzugen Sie IPv4 für diesen Server und sagen Sie es Ihrer Netzwerkverwaltung.</translation>
    </message>
    <message>
        <source>your connection to the server loses packets: %1 of %2 connections had to be retried by your computer after %3 or more, the mark of a lost packet, while the others took %4 ms; about %5% of packets are lost. Loss makes requests slow now and then, and makes apps time out or fail at random</source>
        <translation>Ihre Verbindung zum Server verliert Pakete: %1 von %2 Verbindungen musste Ihr Computer nach %3 oder mehr wiederholen, dem Kennzeichen eines verlorenen Pakets, während die anderen %4 ms dauerten; etwa %5 % der Pakete gehen verloren. Verlust macht Anfragen ab und zu langsam und lässt Apps zufällig in Zeitüberschreitungen laufen oder scheitern</translation>
    </message>
    <message>
        <source>Find where the packets are lost: run &quot;llmdoctor path&quot; (or diagnose with --check-path) to see the route hop by hop. On Wi-Fi, move closer to the access point or try a cable. If the loss starts beyond your own router, send the path to your internet provider or network administrator: they can fix it, the API provider cannot.</source>
        <translation>Finden Sie heraus, wo die Pakete verloren gehen: Starten Sie „llmdoctor path“ (oder diagnose mit --check-path), um die Route Hop für Hop zu sehen. Gehen Sie im WLAN näher an den Zugangspunkt oder versuchen Sie ein Kabel. Wenn der Verlust hinter Ihrem eigenen Router beginnt, schicken Sie den Pfad an Ihren Internetanbieter oder Ihre Netzwerkverwaltung: Die können es beheben, der API-Anbieter nicht.</translation>
    </message>
    <message>
        <source>your proxy</source>
        <translation>Ihrem Proxy</translation>
    </message>
    <message>
        <source>a proxy or gateway on the way</source>
        <translation>einem Proxy oder Gateway auf dem Weg</translation>
    </message>
    <message>
        <source>packets are lost between %1 and the server: %2 of %3 answers came %4 or more late, the time a computer waits before it sends a lost packet again when it opens a connection, while the others took %5 ms; about %6% of packets are lost on that link. Your own connection to %1 is fine</source>
        <translation>zwischen %1 und dem Server gehen Pakete verloren: %2 von %3 Antworten kamen %4 oder mehr zu spät, so lange wartet ein Computer, bevor er beim Verbindungsaufbau ein verlorenes Paket erneut sendet, während die anderen %5 ms dauerten; etwa %6 % der Pakete gehen auf dieser Strecke verloren. Ihre eigene Verbindung zu %1 ist in Ordnung</translation>
    </message>
    <message>
        <source>Tell whoever runs your proxy (your network administrator): its link to the internet or to this server loses packets. </source>
        <translation>Sagen Sie dem Betreiber Ihres Proxys (Ihrer Netzwerkverwaltung): Seine Verbindung zum Internet oder zu diesem Server verliert Pakete. </translation>
    </message>
    <message>
        <source>If you run a gateway or proxy in front of the API, check its link to the servers behind it; otherwise send this to your network administrator or the provider. </source>
        <translation>Wenn Sie vor der API ein Gateway oder einen Proxy betreiben, prüfen Sie dessen Verbindung zu den Servern dahinter; sonst schicken Sie dies an Ihre Netzwerkverwaltung oder den Anbieter. </translation>
    </message>
    <message>
        <source>&quot;llmdoctor path&quot; run on that machine shows the hop where the loss starts.</source>
        <translation>„llmdoctor path“, auf diesem Rechner gestartet, zeigt den Hop, bei dem der Verlust beginnt.</translation>
    </message>
    <message>
        <source>an unsteady connection: the time to reach the server varies by %1 ms (from %2 to %3 ms) while the server itself answers steadily. Usually a busy or weak Wi-Fi, a saturated line (uploads, streaming, backups) or a congested provider network</source>
        <translation>eine unruhige Verbindung: Die Zeit bis zum Server schwankt um %1 ms (von %2 bis %3 ms), während der Server selbst gleichmäßig antwortet. Meist ein ausgelastetes oder schwaches WLAN, eine volle Leitung (Uploads, Streaming, Backups) oder ein überlastetes Netz des Anbieters</translation>
    </message>
    <message>
        <source>Calls will be slow at random. Try a cable instead of Wi-Fi, pause large uploads and downloads, and run &quot;llmdoctor path&quot; to see at which hop the delay starts; if it is beyond your own router, tell your internet provider or network administrator.</source>
        <translation>Aufrufe werden zufällig langsam sein. Versuchen Sie ein Kabel statt WLAN, unterbrechen Sie große Uploads und Downloads, und starten Sie „llmdoctor path“, um zu sehen, bei welchem Hop die Verzögerung beginnt; liegt er hinter Ihrem eigenen Router, sagen Sie es Ihrem Internetanbieter oder Ihrer Netzwerkverwaltung.</translation>
    </message>
    <message>
        <source>No certificate could be read from &quot;%1&quot;: the file must hold certificates in text (PEM) form, starting with -----BEGIN CERTIFICATE-----.</source>
        <translation>Aus „%1“ ließ sich kein Zertifikat lesen: Die Datei muss Zertifikate in Textform (PEM) enthalten, beginnend mit -----BEGIN CERTIFICATE-----.</translation>
    </message>
    <message>
        <source>The name lookup did not finish in time.</source>
        <translation>Die Namensabfrage wurde nicht rechtzeitig fertig.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be looked up.</source>
        <translation>Der Name des Servers ließ sich nicht nachschlagen.</translation>
    </message>
    <message>
        <source>the answer had not ended after %1 bytes</source>
        <translation>die Antwort war nach %1 Bytes noch nicht zu Ende</translation>
    </message>
</context>
<context>
    <name>Path</name>
    <message>
        <source>%1% of packets are lost from the first hop on (%2): between your computer and your own router, usually a weak Wi-Fi signal or a bad cable.</source>
        <translation>%1 % der Pakete gehen ab dem ersten Hop verloren (%2): zwischen Ihrem Computer und Ihrem eigenen Router, meist ein schwaches WLAN-Signal oder ein schlechtes Kabel.</translation>
    </message>
    <message>
        <source>%1% of packets are lost from hop %2 (%3) on, to the end of the path: inside the networks between you and the server, usually your internet provider&apos;s.</source>
        <translation>%1 % der Pakete gehen ab Hop %2 (%3) bis zum Ende des Pfads verloren: in den Netzen zwischen Ihnen und dem Server, meist denen Ihres Internetanbieters.</translation>
    </message>
    <message>
        <source>%1% of packets are lost only at the server itself (%2): at the API&apos;s own edge.</source>
        <translation>%1 % der Pakete gehen erst am Server selbst verloren (%2): am Rand der API.</translation>
    </message>
    <message>
        <source>No packets are lost on the way. Hop %1 leaves some probes unanswered while later hops answer them all: that router limits its answers, which is not a problem.</source>
        <translation>Auf dem Weg gehen keine Pakete verloren. Hop %1 lässt einige Proben unbeantwortet, während spätere Hops alle beantworten: Dieser Router begrenzt seine Antworten, und das ist kein Problem.</translation>
    </message>
    <message>
        <source>No packets are lost on the way.</source>
        <translation>Auf dem Weg gehen keine Pakete verloren.</translation>
    </message>
    <message>
        <source>cannot open a socket: %1</source>
        <translation>kann keinen Socket öffnen: %1</translation>
    </message>
    <message>
        <source>cannot set the TTL: %1</source>
        <translation>kann die TTL nicht setzen: %1</translation>
    </message>
    <message>
        <source>cannot send a probe: %1</source>
        <translation>kann keine Probe senden: %1</translation>
    </message>
    <message>
        <source>the path test supports IPv4 only on Windows</source>
        <translation>die Wegprüfung unterstützt unter Windows nur IPv4</translation>
    </message>
    <message>
        <source>IcmpCreateFile failed (%1)</source>
        <translation>IcmpCreateFile fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>the path test supports IPv4 only on this system</source>
        <translation>die Wegprüfung unterstützt auf diesem System nur IPv4</translation>
    </message>
    <message>
        <source>cannot open an ICMP socket: %1</source>
        <translation>kann keinen ICMP-Socket öffnen: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the time limit ran out before every probe was answered</source>
        <translation>die Zeit lief ab, bevor jede Probe beantwortet war</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <source>an unknown time</source>
        <translation>eine unbekannte Zeit</translation>
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
        <source>Spent %1 looking up the server&apos;s name; no address came.</source>
        <translation>%1 damit verbracht, den Namen des Servers nachzuschlagen; es kam keine Adresse.</translation>
    </message>
    <message>
        <source>Spent %1 trying to connect; the connection never opened.</source>
        <translation>%1 mit dem Versuch verbracht, sich zu verbinden; die Verbindung ging nie auf.</translation>
    </message>
    <message>
        <source>Spent %1 setting up the secure connection (TLS); it never finished.</source>
        <translation>%1 damit verbracht, die sichere Verbindung (TLS) aufzubauen; sie wurde nie fertig.</translation>
    </message>
    <message>
        <source>Waited %1 for an answer that never came.</source>
        <translation>%1 auf eine Antwort gewartet, die nie kam.</translation>
    </message>
    <message>
        <source>The answer began, then %1 passed without the rest of it.</source>
        <translation>Die Antwort hatte begonnen, dann vergingen %1 ohne den Rest.</translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <source>no answer within the time allowed</source>
        <translation>keine Antwort innerhalb der erlaubten Zeit</translation>
    </message>
    <message>
        <source>the proxy&apos;s answer is not HTTP</source>
        <translation>die Antwort des Proxys ist kein HTTP</translation>
    </message>
    <message>
        <source>the proxy answered %1 to the tunnel request</source>
        <translation>der Proxy hat auf die Tunnel-Anfrage mit %1 geantwortet</translation>
    </message>
    <message>
        <source>the answer is not valid HTTP: %1</source>
        <translation>die Antwort ist kein gültiges HTTP: %1</translation>
    </message>
    <message>
        <source>Leaving the connection idle for %1 s…</source>
        <translation>Die Verbindung bleibt %1 s unbenutzt …</translation>
    </message>
    <message>
        <source>the proxy closed the connection: %1</source>
        <translation>der Proxy hat die Verbindung geschlossen: %1</translation>
    </message>
    <message>
        <source>the secure (TLS) handshake failed: %1</source>
        <translation>der sichere (TLS-)Handshake ist gescheitert: %1</translation>
    </message>
    <message>
        <source>the connection was closed before a complete answer: %1</source>
        <translation>die Verbindung wurde vor einer vollständigen Antwort geschlossen: %1</translation>
    </message>
    <message>
        <source>no connection to %1 port %2 in time</source>
        <translation>keine Verbindung zu %1 Port %2 in der erlaubten Zeit</translation>
    </message>
    <message>
        <source>the proxy did not answer the tunnel request in time</source>
        <translation>der Proxy hat auf die Tunnel-Anfrage nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the secure (TLS) handshake did not finish in time</source>
        <translation>der sichere (TLS-)Handshake wurde nicht rechtzeitig fertig</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>keine Antwort in der erlaubten Zeit</translation>
    </message>
    <message>
        <source>the answer was incomplete when time ran out</source>
        <translation>die Antwort war unvollständig, als die Zeit ablief</translation>
    </message>
    <message>
        <source>no answer on the reused connection in time</source>
        <translation>keine Antwort auf der wiederverwendeten Verbindung in der erlaubten Zeit</translation>
    </message>
    <message>
        <source>the proxy&apos;s name</source>
        <translation>der Name des Proxys</translation>
    </message>
    <message>
        <source>the server&apos;s name</source>
        <translation>der Name des Servers</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; was not found (%3)</source>
        <translation>%1 „%2“ wurde nicht gefunden (%3)</translation>
    </message>
    <message>
        <source>looking up %1 &quot;%2&quot; failed: %3</source>
        <translation>das Nachschlagen von %1 „%2“ ist gescheitert: %3</translation>
    </message>
    <message>
        <source>the proxy&apos;s answer is not HTTP: %1</source>
        <translation>die Antwort des Proxys ist kein HTTP: %1</translation>
    </message>
    <message>
        <source>the proxy answered %1 %2 to the tunnel request</source>
        <translation>der Proxy hat auf die Tunnel-Anfrage mit %1 %2 geantwortet</translation>
    </message>
    <message>
        <source>no end of the response headers after %1 bytes</source>
        <translation>nach %1 Bytes noch kein Ende der Antwort-Header</translation>
    </message>
    <message>
        <source>the proxy closed the connection before answering the tunnel request (%1)</source>
        <translation>der Proxy hat die Verbindung geschlossen, bevor er die Tunnel-Anfrage beantwortet hat (%1)</translation>
    </message>
    <message>
        <source>the connection was closed in the middle of the response body, after %1 bytes of it (%2)</source>
        <translation>die Verbindung wurde mitten im Inhalt der Antwort geschlossen, nach %1 Bytes davon (%2)</translation>
    </message>
    <message>
        <source>the connection was closed while the response headers were arriving (%1)</source>
        <translation>die Verbindung wurde geschlossen, während die Antwort-Header ankamen (%1)</translation>
    </message>
    <message>
        <source>the connection was closed or reset before any response (%1)</source>
        <translation>die Verbindung wurde vor jeder Antwort geschlossen oder zurückgesetzt (%1)</translation>
    </message>
    <message>
        <source>looking up &quot;%1&quot; took longer than %2 s</source>
        <translation>das Nachschlagen von „%1“ hat länger als %2 s gedauert</translation>
    </message>
    <message>
        <source>no connection to %1 port %2 within %3 s</source>
        <translation>keine Verbindung zu %1 Port %2 innerhalb von %3 s</translation>
    </message>
    <message>
        <source>the proxy did not answer the tunnel request within %1 s</source>
        <translation>der Proxy hat die Tunnel-Anfrage nicht innerhalb von %1 s beantwortet</translation>
    </message>
    <message>
        <source>the secure (TLS) handshake did not finish within %1 s</source>
        <translation>der sichere (TLS-)Handshake wurde nicht innerhalb von %1 s fertig</translation>
    </message>
    <message>
        <source>no answer within %1 s after the request was sent</source>
        <translation>keine Antwort innerhalb von %1 s, nachdem die Anfrage gesendet war</translation>
    </message>
    <message>
        <source>the response headers were still incomplete after %1 s (%2 bytes arrived)</source>
        <translation>die Antwort-Header waren nach %1 s noch unvollständig (%2 Bytes kamen an)</translation>
    </message>
    <message>
        <source>the response body was still arriving after %1 s (%2 bytes)</source>
        <translation>der Inhalt der Antwort kam nach %1 s noch immer an (%2 Bytes)</translation>
    </message>
</context>
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
    <name>RateLimit</name>
    <message>
        <source>an unknown time</source>
        <translation>eine unbekannte Zeit</translation>
    </message>
    <message>
        <source>less than a second</source>
        <translation>weniger als eine Sekunde</translation>
    </message>
    <message>
        <source>more than a year</source>
        <translation>mehr als ein Jahr</translation>
    </message>
</context>
<context>
    <name>Redactor</name>
    <message>
        <source>[proxy credentials removed]</source>
        <translation>[Proxy-Zugangsdaten entfernt]</translation>
    </message>
    <message>
        <source>[removed]</source>
        <translation>[entfernt]</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>What to do next</source>
        <translation>Was Sie als Nächstes tun können</translation>
    </message>
    <message>
        <source>Also found</source>
        <translation>Außerdem gefunden</translation>
    </message>
    <message>
        <source>The error you pasted</source>
        <translation>Die eingefügte Fehlermeldung</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What it found</source>
        <translation>Was sie gefunden hat</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Where the time went in the model-list request</source>
        <translation>Wohin die Zeit bei der Abfrage der Modellliste ging</translation>
    </message>
    <message>
        <source>The provider&apos;s status page</source>
        <translation>Die Statusseite des Anbieters</translation>
    </message>
    <message>
        <source>Wait and retry: %1</source>
        <translation>Warten und wiederholen: %1</translation>
    </message>
    <message>
        <source>Watched over time</source>
        <translation>Über die Zeit beobachtet</translation>
    </message>
    <message>
        <source>The route, hop by hop</source>
        <translation>Die Route, Hop für Hop</translation>
    </message>
    <message>
        <source>Repeat the request yourself</source>
        <translation>Die Anfrage selbst wiederholen</translation>
    </message>
    <message>
        <source>Copyable fixes for whoever maintains your app</source>
        <translation>Kopierbare Korrekturen für die Person, die Ihre App betreut</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>The model-list request</source>
        <translation>Die Abfrage der Modellliste</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
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
        <source>On its own it reads as: %1</source>
        <translation>Für sich allein gelesen: %1</translation>
    </message>
    <message>
        <source>(who should act: %1)</source>
        <translation>(wer handeln sollte: %1)</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Insgesamt %1</translation>
    </message>
    <message>
        <source>answered by %1</source>
        <translation>beantwortet von %1</translation>
    </message>
    <message>
        <source>server %1 port %2</source>
        <translation>Server %1, Port %2</translation>
    </message>
    <message>
        <source>Request ids for support:</source>
        <translation>Anfrage-IDs für den Support:</translation>
    </message>
    <message>
        <source>Against %1</source>
        <translation>Gegen %1</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Waited before</source>
        <translation>Wartezeit davor</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>%1 requests every %2 s, %3% worked.</source>
        <translation>%1 Anfragen alle %2 s, %3 % davon erfolgreich.</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>Muster:</translation>
    </message>
    <message>
        <source>A message you can send to %1</source>
        <translation>Eine Nachricht, die Sie an %1 senden können</translation>
    </message>
    <message>
        <source>The key is read from an environment variable, never written here.</source>
        <translation>Der Schlüssel wird aus einer Umgebungsvariablen gelesen und nie hier hineingeschrieben.</translation>
    </message>
    <message>
        <source>Where it failed:</source>
        <translation>Wo es scheiterte:</translation>
    </message>
    <message>
        <source>Against %1.</source>
        <translation>Gegen %1.</translation>
    </message>
</context>
<context>
    <name>Response</name>
    <message>
        <source>The API answered normally (HTTP %1).</source>
        <translation>Die API hat normal geantwortet (HTTP %1).</translation>
    </message>
    <message>
        <source>The proxy asks for a user name and password (HTTP 407).</source>
        <translation>Der Proxy verlangt einen Benutzernamen und ein Passwort (HTTP 407).</translation>
    </message>
    <message>
        <source>The proxy refused or could not forward the request (HTTP %1).</source>
        <translation>Der Proxy hat die Anfrage abgelehnt oder konnte sie nicht weiterleiten (HTTP %1).</translation>
    </message>
    <message>
        <source>The server rejected the API key (HTTP 401).</source>
        <translation>Der Server hat den API-Schlüssel abgelehnt (HTTP 401).</translation>
    </message>
    <message>
        <source>The server wants an API key and none was sent (HTTP 401).</source>
        <translation>Der Server will einen API-Schlüssel, und es wurde keiner gesendet (HTTP 401).</translation>
    </message>
    <message>
        <source>The account has run out of credit or quota (HTTP %1).</source>
        <translation>Das Konto hat kein Guthaben oder Kontingent mehr (HTTP %1).</translation>
    </message>
    <message>
        <source>The provider does not serve your country or region (HTTP 403).</source>
        <translation>Der Anbieter bedient Ihr Land oder Ihre Region nicht (HTTP 403).</translation>
    </message>
    <message>
        <source>The key is not allowed to use this (HTTP 403).</source>
        <translation>Der Schlüssel darf das nicht nutzen (HTTP 403).</translation>
    </message>
    <message>
        <source>The server does not know that model (HTTP 404).</source>
        <translation>Der Server kennt dieses Modell nicht (HTTP 404).</translation>
    </message>
    <message>
        <source>The server has no API at this address (HTTP 404).</source>
        <translation>Der Server hat unter dieser Adresse keine API (HTTP 404).</translation>
    </message>
    <message>
        <source>The server gave up waiting for the request (HTTP 408).</source>
        <translation>Der Server hat es aufgegeben, auf die Anfrage zu warten (HTTP 408).</translation>
    </message>
    <message>
        <source>Too many requests: the provider asks you to slow down (HTTP 429).</source>
        <translation>Zu viele Anfragen: Der Anbieter bittet Sie, langsamer zu machen (HTTP 429).</translation>
    </message>
    <message>
        <source>The provider is overloaded right now (HTTP %1).</source>
        <translation>Der Anbieter ist gerade überlastet (HTTP %1).</translation>
    </message>
    <message>
        <source>A gateway (Envoy) lost its connection to the server behind it before any answer (HTTP %1).</source>
        <translation>Ein Gateway (Envoy) hat die Verbindung zum Server dahinter vor jeder Antwort verloren (HTTP %1).</translation>
    </message>
    <message>
        <source>A gateway gave up waiting for the server behind it (HTTP %1).</source>
        <translation>Ein Gateway hat es aufgegeben, auf den Server dahinter zu warten (HTTP %1).</translation>
    </message>
    <message>
        <source>A gateway could not get a good answer from the server behind it (HTTP %1).</source>
        <translation>Ein Gateway hat vom Server dahinter keine brauchbare Antwort bekommen (HTTP %1).</translation>
    </message>
    <message>
        <source>The server failed while handling the request (HTTP %1).</source>
        <translation>Der Server ist beim Bearbeiten der Anfrage gescheitert (HTTP %1).</translation>
    </message>
    <message>
        <source>The server did not accept the request (HTTP %1).</source>
        <translation>Der Server hat die Anfrage nicht angenommen (HTTP %1).</translation>
    </message>
    <message>
        <source>Unexpected answer (HTTP %1).</source>
        <translation>Unerwartete Antwort (HTTP %1).</translation>
    </message>
    <message>
        <source>The address does not take this kind of request (HTTP 405): it is not the API&apos;s endpoint.</source>
        <translation>Diese Adresse nimmt diese Art von Anfrage nicht an (HTTP 405): Sie ist nicht der Endpunkt der API.</translation>
    </message>
    <message>
        <source>The provider does not serve your country or region (HTTP 451).</source>
        <translation>Der Anbieter bedient Ihr Land oder Ihre Region nicht (HTTP 451).</translation>
    </message>
</context>
<context>
    <name>Retry</name>
    <message>
        <source>waiting does not change this answer</source>
        <translation>Warten ändert diese Antwort nicht</translation>
    </message>
    <message>
        <source>the server said not to retry (x-should-retry: false)</source>
        <translation>der Server hat gesagt, nicht zu wiederholen (x-should-retry: false)</translation>
    </message>
    <message>
        <source>HTTP %1 is not an answer that retrying changes</source>
        <translation>HTTP %1 ist keine Antwort, die sich durch Wiederholen ändert</translation>
    </message>
    <message>
        <source>all %1 attempts were used</source>
        <translation>alle %1 Versuche wurden verbraucht</translation>
    </message>
    <message>
        <source>the server asked to wait %1, longer than the time left (%2)</source>
        <translation>der Server hat verlangt, %1 zu warten, länger als die verbleibende Zeit (%2)</translation>
    </message>
    <message>
        <source>the server asked to wait %1 (retry-after)</source>
        <translation>der Server hat verlangt, %1 zu warten (Retry-After)</translation>
    </message>
    <message>
        <source>the time allowed for retrying (%1) is up</source>
        <translation>die Zeit für Wiederholungen (%1) ist um</translation>
    </message>
    <message>
        <source>backing off %1 before attempt %2, as the official SDKs do</source>
        <translation>%1 Pause vor Versuch %2, so wie es die offiziellen SDKs tun</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>keine Antwort in der erlaubten Zeit</translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation>Zeitüberschreitung beim Verbinden</translation>
    </message>
    <message>
        <source>name not found</source>
        <translation>Name nicht gefunden</translation>
    </message>
    <message>
        <source>The API works, but its model list does not have &quot;%1&quot;.</source>
        <translation>Die API funktioniert, aber ihre Modellliste enthält „%1“ nicht.</translation>
    </message>
    <message>
        <source> It still failed after %1 attempts over %2 (%3).</source>
        <translation> Es scheiterte auch nach %1 Versuchen über %2 (%3).</translation>
    </message>
    <message>
        <source>Retrying cannot help: </source>
        <translation>Wiederholen kann nicht helfen: </translation>
    </message>
    <message>
        <source>Waiting and trying again would not change this answer (%1). </source>
        <translation>Warten und erneut versuchen würde diese Antwort nicht ändern (%1). </translation>
    </message>
    <message>
        <source>connection reset</source>
        <translation>Verbindung zurückgesetzt</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>proxy refused</source>
        <translation>Proxy hat abgelehnt</translation>
    </message>
    <message>
        <source> Stopped because %1.</source>
        <translation> Angehalten: %1.</translation>
    </message>
    <message>
        <source>attempt</source>
        <translation>der erste Versuch</translation>
    </message>
    <message>
        <source>%1 attempts</source>
        <translation>die ersten %1 Versuche</translation>
    </message>
</context>
<context>
    <name>Signature</name>
    <message>
        <source>The reset reason &quot;%1&quot; means %2</source>
        <translation>Der Grund „%1“ für das Zurücksetzen bedeutet: %2</translation>
    </message>
    <message>
        <source>The transport failure reason says %1</source>
        <translation>Der Grund für den Transportfehler besagt: %1</translation>
    </message>
    <message>
        <source>A gateway (Envoy) passed your request on, but the service behind it closed, reset or refused that connection before sending any answer.</source>
        <translation>Ein Gateway (Envoy) hat Ihre Anfrage weitergegeben, aber der Dienst dahinter hat diese Verbindung geschlossen, zurückgesetzt oder abgewiesen, bevor er irgendeine Antwort schickte.</translation>
    </message>
    <message>
        <source>A gateway (Envoy) had no working server behind it to send your request to: all of them were failing its health checks.</source>
        <translation>Ein Gateway (Envoy) hatte keinen funktionierenden Server dahinter, an den es Ihre Anfrage schicken konnte: Alle fielen durch seine Zustandsprüfungen.</translation>
    </message>
    <message>
        <source>A gateway (Envoy) waited for the service behind it and gave up when its time limit ran out.</source>
        <translation>Ein Gateway (Envoy) hat auf den Dienst dahinter gewartet und aufgegeben, als seine Zeitgrenze ablief.</translation>
    </message>
    <message>
        <source>A gateway (Envoy) turned the request away because it was handling too many requests at once.</source>
        <translation>Ein Gateway (Envoy) hat die Anfrage abgewiesen, weil es zu viele Anfragen gleichzeitig bearbeitete.</translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: nginx waited for the server behind it longer than its timeout (proxy_read_timeout, 60 seconds unless changed) and gave up.</source>
        <translation>Diese Zeile stammt aus dem Fehlerprotokoll von nginx selbst: nginx hat länger als seine Zeitgrenze (proxy_read_timeout, 60 Sekunden, wenn nicht geändert) auf den Server dahinter gewartet und aufgegeben.</translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: nginx tried to pass the request on, but nothing was listening at the address of the server behind it.</source>
        <translation>Diese Zeile stammt aus dem Fehlerprotokoll von nginx selbst: nginx wollte die Anfrage weitergeben, aber an der Adresse des Servers dahinter war nichts erreichbar.</translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: the server behind nginx closed the connection before it sent a complete answer.</source>
        <translation>Diese Zeile stammt aus dem Fehlerprotokoll von nginx selbst: Der Server hinter nginx hat die Verbindung geschlossen, bevor er eine vollständige Antwort geschickt hat.</translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: every server nginx could send the request to had failed recently, so it did not even try.</source>
        <translation>Diese Zeile stammt aus dem Fehlerprotokoll von nginx selbst: Jeder Server, an den nginx die Anfrage schicken konnte, war kurz vorher ausgefallen, deshalb hat es es gar nicht erst versucht.</translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: nginx could not set up a secure connection to the server behind it. For cloud APIs this usually means nginx does not send the server name during the handshake (proxy_ssl_server_name is off).</source>
        <translation>Diese Zeile stammt aus dem Fehlerprotokoll von nginx selbst: nginx konnte keine sichere Verbindung zum Server dahinter aufbauen. Bei Cloud-APIs heißt das meist, dass nginx beim Verbindungsaufbau den Servernamen nicht mitschickt (proxy_ssl_server_name ist aus).</translation>
    </message>
    <message>
        <source>A gateway or load balancer in front of the API got no valid answer from the server behind it.</source>
        <translation>Ein Gateway oder Load Balancer vor der API hat vom Server dahinter keine gültige Antwort bekommen.</translation>
    </message>
    <message>
        <source>A gateway or load balancer in front of the API had no working server to pass your request to.</source>
        <translation>Ein Gateway oder Load Balancer vor der API hatte keinen funktionierenden Server, an den es Ihre Anfrage weitergeben konnte.</translation>
    </message>
    <message>
        <source>A gateway or load balancer in front of the API waited for the server behind it and gave up.</source>
        <translation>Ein Gateway oder Load Balancer vor der API hat auf den Server dahinter gewartet und aufgegeben.</translation>
    </message>
    <message>
        <source>A load balancer (HAProxy) got a broken or incomplete answer from the server behind it.</source>
        <translation>Ein Load Balancer (HAProxy) hat vom Server dahinter eine fehlerhafte oder unvollständige Antwort bekommen.</translation>
    </message>
    <message>
        <source>A load balancer (HAProxy) had no working server behind it to send your request to.</source>
        <translation>Ein Load Balancer (HAProxy) hatte keinen funktionierenden Server dahinter, an den er Ihre Anfrage schicken konnte.</translation>
    </message>
    <message>
        <source>A load balancer (HAProxy) waited for the server behind it and gave up.</source>
        <translation>Ein Load Balancer (HAProxy) hat auf den Server dahinter gewartet und aufgegeben.</translation>
    </message>
    <message>
        <source>A gateway in front of the API (the bare &quot;Bad Gateway&quot; text is what Traefik sends) got no valid answer from the server behind it.</source>
        <translation>Ein Gateway vor der API (den bloßen Text „Bad Gateway“ schickt Traefik) hat vom Server dahinter keine gültige Antwort bekommen.</translation>
    </message>
    <message>
        <source>A gateway in front of the API (the bare &quot;Gateway Timeout&quot; text is what Traefik sends) waited for the server behind it and gave up.</source>
        <translation>Ein Gateway vor der API (den bloßen Text „Gateway Timeout“ schickt Traefik) hat auf den Server dahinter gewartet und aufgegeben.</translation>
    </message>
    <message>
        <source>This line is from Traefik&apos;s own log: Traefik could not get an answer from the service it forwards to.</source>
        <translation>Diese Zeile stammt aus dem Protokoll von Traefik selbst: Traefik hat von dem Dienst, an den es weiterleitet, keine Antwort bekommen.</translation>
    </message>
    <message>
        <source>An API gateway (Kong) got an invalid answer from the service behind it.</source>
        <translation>Ein API-Gateway (Kong) hat vom Dienst dahinter eine ungültige Antwort bekommen.</translation>
    </message>
    <message>
        <source>An API gateway (Kong) had no working service behind it to send the request to.</source>
        <translation>Ein API-Gateway (Kong) hatte keinen funktionierenden Dienst dahinter, an den es die Anfrage schicken konnte.</translation>
    </message>
    <message>
        <source>An API gateway (Kong) waited for the service behind it and gave up.</source>
        <translation>Ein API-Gateway (Kong) hat auf den Dienst dahinter gewartet und aufgegeben.</translation>
    </message>
    <message>
        <source>A relay or gateway in front of the model passed your request on, and the service behind it failed to answer.</source>
        <translation>Ein Vermittler oder Gateway vor dem Modell hat Ihre Anfrage weitergegeben, und der Dienst dahinter hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, got an empty or unreadable answer from the provider&apos;s own server (error 520).</source>
        <translation>Cloudflare vor dem Anbieter hat vom eigenen Server des Anbieters eine leere oder unlesbare Antwort bekommen (Fehler 520).</translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, could not connect to the provider&apos;s own server: it refused the connection (error 521).</source>
        <translation>Cloudflare vor dem Anbieter konnte sich nicht mit dem eigenen Server des Anbieters verbinden: Er hat die Verbindung abgewiesen (Fehler 521).</translation>
    </message>
    <message>
        <source>Cloudflare, in front of the API, could not even open a connection to the provider&apos;s own server within its time limit (error 522): the provider&apos;s server is down or overloaded.</source>
        <translation>Cloudflare vor der API konnte innerhalb seiner Zeitgrenze nicht einmal eine Verbindung zum eigenen Server des Anbieters öffnen (Fehler 522): Der Server des Anbieters ist ausgefallen oder überlastet.</translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, found no route to the provider&apos;s own server (error 523).</source>
        <translation>Cloudflare vor dem Anbieter hat keinen Weg zum eigenen Server des Anbieters gefunden (Fehler 523).</translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, connected to the provider&apos;s server but gave up waiting for its answer (error 524, after about 100 to 120 seconds).</source>
        <translation>Cloudflare vor dem Anbieter hat sich mit dessen Server verbunden, aber das Warten auf seine Antwort aufgegeben (Fehler 524, nach etwa 100 bis 120 Sekunden).</translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, could not set up a secure connection to the provider&apos;s own server (error 525).</source>
        <translation>Cloudflare vor dem Anbieter konnte keine sichere Verbindung zum eigenen Server des Anbieters aufbauen (Fehler 525).</translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, rejected the certificate of the provider&apos;s own server (error 526).</source>
        <translation>Cloudflare vor dem Anbieter hat das Zertifikat des eigenen Servers des Anbieters abgelehnt (Fehler 526).</translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, got no valid answer from the provider&apos;s own server (HTTP 502).</source>
        <translation>Cloudflare vor dem Anbieter hat vom eigenen Server des Anbieters keine gültige Antwort bekommen (HTTP 502).</translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, is blocking requests from your address for a while because too many came from it (error 1015).</source>
        <translation>Cloudflare vor dem Anbieter sperrt Anfragen von Ihrer Adresse für eine Weile, weil zu viele von dort kamen (Fehler 1015).</translation>
    </message>
    <message>
        <source>Cloudflare, in front of the API, blocked the request before it reached the provider: its firewall rules do not accept requests from your address or network (a VPN, a data-centre address or a country it blocks).</source>
        <translation>Cloudflare vor der API hat die Anfrage blockiert, bevor sie den Anbieter erreichte: Seine Firewall-Regeln nehmen keine Anfragen von Ihrer Adresse oder Ihrem Netzwerk an (ein VPN, eine Rechenzentrumsadresse oder ein gesperrtes Land).</translation>
    </message>
    <message>
        <source>Amazon CloudFront, in front of the API, blocked the request before it reached the provider: its firewall rules do not accept requests from your address or network (a VPN, a data-centre address or a country it blocks).</source>
        <translation>Amazon CloudFront vor der API hat die Anfrage blockiert, bevor sie den Anbieter erreichte: Seine Firewall-Regeln nehmen keine Anfragen von Ihrer Adresse oder Ihrem Netzwerk an (ein VPN, eine Rechenzentrumsadresse oder ein gesperrtes Land).</translation>
    </message>
    <message>
        <source>Google&apos;s front end, in front of the API, got no valid answer from the service behind it.</source>
        <translation>Googles Frontend vor der API hat vom Dienst dahinter keine gültige Antwort bekommen.</translation>
    </message>
    <message>
        <source>The proxy server on your network (Squid) answered instead of the API: it refused or could not forward the request.</source>
        <translation>Der Proxyserver in Ihrem Netzwerk (Squid) hat anstelle der API geantwortet: Er hat die Anfrage abgewiesen oder konnte sie nicht weiterleiten.</translation>
    </message>
    <message>
        <source>The proxy server your traffic goes through wants a user name and password before it lets the request out (HTTP 407).</source>
        <translation>Der Proxyserver, über den Ihr Datenverkehr läuft, verlangt einen Benutzernamen und ein Passwort, bevor er die Anfrage hinauslässt (HTTP 407).</translation>
    </message>
    <message>
        <source>Your request goes through a proxy server, and the proxy could not be reached or would not open the way to the API.</source>
        <translation>Ihre Anfrage läuft über einen Proxyserver, und der Proxy war nicht erreichbar oder hat den Weg zur API nicht geöffnet.</translation>
    </message>
    <message>
        <source>The provider&apos;s API rejected the API key: it is wrong, revoked, or meant for another provider.</source>
        <translation>Die API des Anbieters hat den API-Schlüssel abgelehnt: Er ist falsch, widerrufen oder für einen anderen Anbieter bestimmt.</translation>
    </message>
    <message>
        <source>The request arrived without an API key, so the provider refused it.</source>
        <translation>Die Anfrage kam ohne API-Schlüssel an, deshalb hat der Anbieter sie abgelehnt.</translation>
    </message>
    <message>
        <source>Google&apos;s API does not accept the API key: it is wrong, deleted, or belongs to another project.</source>
        <translation>Die API von Google nimmt den API-Schlüssel nicht an: Er ist falsch, gelöscht oder gehört zu einem anderen Projekt.</translation>
    </message>
    <message>
        <source>The provider knows your key but does not allow it to do this (model not enabled, restricted key, or unsupported region).</source>
        <translation>Der Anbieter kennt Ihren Schlüssel, erlaubt ihm dies aber nicht (Modell nicht freigeschaltet, eingeschränkter Schlüssel oder nicht unterstützte Region).</translation>
    </message>
    <message>
        <source>OpenRouter found no provider for this model that your account&apos;s privacy settings allow.</source>
        <translation>OpenRouter hat für dieses Modell keinen Anbieter gefunden, den die Datenschutzeinstellungen Ihres Kontos erlauben.</translation>
    </message>
    <message>
        <source>The provider refuses requests from the country or region your connection appears to come from.</source>
        <translation>Der Anbieter lehnt Anfragen aus dem Land oder der Region ab, aus der Ihre Verbindung zu kommen scheint.</translation>
    </message>
    <message>
        <source>The provider has no model by the name your app asked for, or your account cannot use it.</source>
        <translation>Der Anbieter hat kein Modell mit dem Namen, den Ihre App angefragt hat, oder Ihr Konto darf es nicht nutzen.</translation>
    </message>
    <message>
        <source>The Ollama server does not have this model downloaded yet.</source>
        <translation>Der Ollama-Server hat dieses Modell noch nicht heruntergeladen.</translation>
    </message>
    <message>
        <source>On Azure OpenAI the address names a deployment (a model you set up under a name of your choice), and no deployment with that name exists.</source>
        <translation>Bei Azure OpenAI nennt die Adresse ein Deployment (ein Modell, das Sie unter einem selbst gewählten Namen eingerichtet haben), und ein Deployment mit diesem Namen gibt es nicht.</translation>
    </message>
    <message>
        <source>The LiteLLM proxy has no working deployment for this model right now: each one it knows failed recently or is cooling down.</source>
        <translation>Der LiteLLM-Proxy hat gerade kein funktionierendes Deployment für dieses Modell: Jedes, das er kennt, ist kürzlich ausgefallen oder pausiert noch.</translation>
    </message>
    <message>
        <source>The server has no API at the address your app called: the path part of the address is wrong.</source>
        <translation>Der Server hat unter der Adresse, die Ihre App aufgerufen hat, keine API: Der Pfad in der Adresse ist falsch.</translation>
    </message>
    <message>
        <source>The provider refuses requests because the account has no credit or quota left. Retrying will not help.</source>
        <translation>Der Anbieter lehnt Anfragen ab, weil das Konto kein Guthaben oder Kontingent mehr hat. Erneutes Versuchen hilft nicht.</translation>
    </message>
    <message>
        <source>The provider is limiting how many requests or tokens your account or key may send per minute, and this request went over.</source>
        <translation>Der Anbieter begrenzt, wie viele Anfragen oder Tokens Ihr Konto oder Schlüssel pro Minute senden darf, und diese Anfrage lag darüber.</translation>
    </message>
    <message>
        <source>The model&apos;s provider behind the router is limiting how many requests it takes from the router&apos;s shared pool: the limit is theirs, not your account&apos;s.</source>
        <translation>Der Anbieter des Modells hinter dem Router begrenzt, wie viele Anfragen er aus dem gemeinsamen Kontingent des Routers annimmt: Die Grenze ist seine, nicht die Ihres Kontos.</translation>
    </message>
    <message>
        <source>The provider&apos;s service is up but has more requests than it can handle right now, and turned this one away.</source>
        <translation>Der Dienst des Anbieters läuft, hat aber gerade mehr Anfragen, als er bewältigen kann, und hat diese abgewiesen.</translation>
    </message>
    <message>
        <source>The provider has no free capacity for this model right now; the request itself was fine.</source>
        <translation>Der Anbieter hat für dieses Modell gerade keine freie Kapazität; die Anfrage selbst war in Ordnung.</translation>
    </message>
    <message>
        <source>The provider&apos;s service failed while handling the request. This is on the provider&apos;s side.</source>
        <translation>Der Dienst des Anbieters ist bei der Bearbeitung der Anfrage gescheitert. Das liegt auf der Seite des Anbieters.</translation>
    </message>
    <message>
        <source>The service says it is unavailable for now: the provider (or the relay you use) is down or in maintenance.</source>
        <translation>Der Dienst meldet, dass er vorübergehend nicht verfügbar ist: Der Anbieter (oder der Vermittler, den Sie nutzen) ist ausgefallen oder in Wartung.</translation>
    </message>
    <message>
        <source>The server&apos;s application crashed while handling the request (a generic HTTP 500 page).</source>
        <translation>Die Anwendung auf dem Server ist bei der Bearbeitung der Anfrage abgestürzt (eine allgemeine HTTP-500-Seite).</translation>
    </message>
    <message>
        <source>Ollama on your computer started the model, and the process that runs it crashed: usually not enough memory (RAM or graphics memory) for this model, or a driver problem.</source>
        <translation>Ollama auf Ihrem Computer hat das Modell gestartet, und der Prozess, der es ausführt, ist abgestürzt: meist zu wenig Speicher (Arbeits- oder Grafikspeicher) für dieses Modell oder ein Treiberproblem.</translation>
    </message>
    <message>
        <source>The provider&apos;s side answered with a server error (a status of 500 or above).</source>
        <translation>Die Seite des Anbieters hat mit einem Serverfehler geantwortet (Status 500 oder höher).</translation>
    </message>
    <message>
        <source>The request is too large: the prompt plus the requested answer length exceed what the model accepts.</source>
        <translation>Die Anfrage ist zu groß: Prompt und gewünschte Antwortlänge zusammen übersteigen, was das Modell annimmt.</translation>
    </message>
    <message>
        <source>The provider&apos;s content filter refused the prompt (or its answer); the connection and the key are fine.</source>
        <translation>Der Inhaltsfilter des Anbieters hat den Prompt (oder die Antwort darauf) abgelehnt; Verbindung und Schlüssel sind in Ordnung.</translation>
    </message>
    <message>
        <source>The provider did not accept the request as sent: a setting, the model name or the message format is wrong.</source>
        <translation>Der Anbieter hat die Anfrage so, wie sie gesendet wurde, nicht angenommen: Eine Einstellung, der Modellname oder das Nachrichtenformat ist falsch.</translation>
    </message>
    <message>
        <source>The client expected the API&apos;s JSON and got a web page instead: the address answered with HTML (a login page of the Wi-Fi, a web interface, or an error page).</source>
        <translation>Die App hat das JSON der API erwartet und stattdessen eine Webseite bekommen: Die Adresse hat mit HTML geantwortet (eine Anmeldeseite des WLANs, eine Weboberfläche oder eine Fehlerseite).</translation>
    </message>
    <message>
        <source>Your computer could not turn the server&apos;s name into an address (a DNS lookup): the name does not exist, often because of a typo, or your network cannot look names up.</source>
        <translation>Ihr Computer konnte den Namen des Servers nicht in eine Adresse umwandeln (eine DNS-Abfrage): Den Namen gibt es nicht, oft wegen eines Tippfehlers, oder Ihr Netzwerk kann keine Namen auflösen.</translation>
    </message>
    <message>
        <source>Your computer asked its name lookup service (DNS) for the server&apos;s address and got no answer at all: the problem is your internet connection or DNS server, not the name.</source>
        <translation>Ihr Computer hat seinen Namensdienst (DNS) nach der Adresse des Servers gefragt und gar keine Antwort bekommen: Das Problem ist Ihre Internetverbindung oder Ihr DNS-Server, nicht der Name.</translation>
    </message>
    <message>
        <source>The server&apos;s machine answered at once that nothing is listening on that port: the address or port is wrong, or the server program is not running.</source>
        <translation>Der Rechner des Servers hat sofort geantwortet, dass an diesem Port nichts erreichbar ist: Adresse oder Port sind falsch, oder das Serverprogramm läuft nicht.</translation>
    </message>
    <message>
        <source>Your computer tried to open a connection to the server and got no reply at all: something on the way (a firewall, VPN or company network) silently drops the traffic, or the server is down.</source>
        <translation>Ihr Computer hat versucht, eine Verbindung zum Server zu öffnen, und gar keine Antwort bekommen: Etwas auf dem Weg (eine Firewall, ein VPN oder ein Firmennetz) verwirft den Datenverkehr stillschweigend, oder der Server ist ausgefallen.</translation>
    </message>
    <message>
        <source>The connection was open and the request sent, but the answer did not arrive within the time your app allows.</source>
        <translation>Die Verbindung stand und die Anfrage war gesendet, aber die Antwort kam nicht innerhalb der Zeit, die Ihre App erlaubt.</translation>
    </message>
    <message>
        <source>The connection was cut before a complete answer arrived: the server, or something between you and it, closed the connection without answering.</source>
        <translation>Die Verbindung wurde getrennt, bevor eine vollständige Antwort ankam: Der Server oder etwas zwischen Ihnen und ihm hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The connection was cut while it was being set up, before any request was sent: something on the network between you and the server reset it (a firewall, a filtering network, an unstable link).</source>
        <translation>Die Verbindung wurde schon beim Aufbau getrennt, bevor eine Anfrage gesendet war: Etwas im Netzwerk zwischen Ihnen und dem Server hat sie zurückgesetzt (eine Firewall, ein filterndes Netzwerk, eine instabile Leitung).</translation>
    </message>
    <message>
        <source>Your computer has no network path to the server: it is offline, or the address needs a kind of connection (often IPv6) your network does not offer.</source>
        <translation>Ihr Computer hat keinen Netzwerkweg zum Server: Er ist offline, oder die Adresse braucht eine Verbindungsart (oft IPv6), die Ihr Netzwerk nicht bietet.</translation>
    </message>
    <message>
        <source>Your computer refused the secure connection because the certificate it was shown is not signed by an authority it trusts. On company networks this usually means security software or a proxy inspects encrypted traffic.</source>
        <translation>Ihr Computer hat die sichere Verbindung abgelehnt, weil das vorgezeigte Zertifikat nicht von einer Stelle signiert ist, der er vertraut. In Firmennetzen heißt das meist, dass Sicherheitssoftware oder ein Proxy verschlüsselten Datenverkehr untersucht.</translation>
    </message>
    <message>
        <source>The certificate chain was issued by Zscaler, a traffic-inspecting proxy on your network, not by the provider&apos;s certificate authority.</source>
        <translation>Die Zertifikatskette stammt von Zscaler, einem Proxy in Ihrem Netzwerk, der den Datenverkehr untersucht, und nicht von der Zertifizierungsstelle des Anbieters.</translation>
    </message>
    <message>
        <source>Zscaler, the traffic-inspecting proxy of your company network, answered instead of the API: its policy blocks or holds this request.</source>
        <translation>Zscaler, der Proxy Ihres Firmennetzes, der den Datenverkehr untersucht, hat anstelle der API geantwortet: Seine Richtlinie blockiert diese Anfrage oder hält sie zurück.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is outside its validity dates: it has expired, or your computer&apos;s clock is wrong.</source>
        <translation>Das Zertifikat des Servers ist außerhalb seines Gültigkeitszeitraums: Es ist abgelaufen, oder die Uhr Ihres Computers geht falsch.</translation>
    </message>
    <message>
        <source>The certificate the server showed belongs to a different name than the one in the address.</source>
        <translation>Das Zertifikat, das der Server vorgezeigt hat, gehört zu einem anderen Namen als dem in der Adresse.</translation>
    </message>
    <message>
        <source>Your app tried to talk encrypted https to something that answered in plain http (or the other way round): the address most likely has the wrong scheme or port.</source>
        <translation>Ihre App wollte verschlüsselt per https mit etwas sprechen, das unverschlüsselt per http antwortete (oder umgekehrt): Die Adresse hat höchstwahrscheinlich das falsche Schema oder den falschen Port.</translation>
    </message>
    <message>
        <source>The server answered the secure-connection request with an alert and refused it: it does not accept what your client offered (protocol version, ciphers, or the server name).</source>
        <translation>Der Server hat die Bitte um eine sichere Verbindung mit einer Warnmeldung beantwortet und abgelehnt: Er nimmt nicht an, was Ihre App angeboten hat (Protokollversion, Verschlüsselungsverfahren oder den Servernamen).</translation>
    </message>
    <message>
        <source>The connection opened, but setting up encryption failed part-way. Something on the network (a firewall, proxy or VPN) often cuts this step; less often the server has a problem.</source>
        <translation>Die Verbindung kam zustande, aber die Verschlüsselung ließ sich nicht fertig einrichten. Oft unterbricht etwas im Netzwerk (eine Firewall, ein Proxy oder ein VPN) diesen Schritt; seltener hat der Server ein Problem.</translation>
    </message>
    <message>
        <source>Your app could not complete the connection to the API; the message alone does not say why.</source>
        <translation>Ihre App konnte die Verbindung zur API nicht herstellen; die Meldung allein sagt nicht, warum.</translation>
    </message>
    <message>
        <source>This is a general message from the app: it says that something failed, not what or where.</source>
        <translation>Dies ist eine allgemeine Meldung der App: Sie sagt, dass etwas fehlgeschlagen ist, aber nicht was oder wo.</translation>
    </message>
    <message>
        <source>the gateway could not connect to the service behind it.</source>
        <translation>Das Gateway konnte sich nicht mit dem Dienst dahinter verbinden.</translation>
    </message>
    <message>
        <source>the service behind the gateway closed the connection before answering, typically because it crashed, restarted or was overloaded.</source>
        <translation>Der Dienst hinter dem Gateway hat die Verbindung vor einer Antwort geschlossen, typischerweise weil er abgestürzt ist, neu gestartet wurde oder überlastet war.</translation>
    </message>
    <message>
        <source>the gateway&apos;s attempt to connect to the service behind it timed out.</source>
        <translation>Der Versuch des Gateways, sich mit dem Dienst dahinter zu verbinden, hat zu lange gedauert.</translation>
    </message>
    <message>
        <source>the gateway itself could not open a connection to the service behind it.</source>
        <translation>Das Gateway selbst konnte keine Verbindung zum Dienst dahinter öffnen.</translation>
    </message>
    <message>
        <source>the gateway refused to start the request to the service behind it.</source>
        <translation>Das Gateway hat sich geweigert, die Anfrage an den Dienst dahinter zu beginnen.</translation>
    </message>
    <message>
        <source>the gateway itself reset the connection to the service behind it.</source>
        <translation>Das Gateway selbst hat die Verbindung zum Dienst dahinter zurückgesetzt.</translation>
    </message>
    <message>
        <source>the gateway had too many requests or connections waiting for the service behind it and turned this one away.</source>
        <translation>Beim Gateway warteten zu viele Anfragen oder Verbindungen auf den Dienst dahinter, deshalb hat es diese abgewiesen.</translation>
    </message>
    <message>
        <source>the gateway was short of memory or connections and shed this request.</source>
        <translation>Dem Gateway fehlten Speicher oder Verbindungen, deshalb hat es diese Anfrage fallen lassen.</translation>
    </message>
    <message>
        <source>the service behind the gateway answered with something that is not valid HTTP.</source>
        <translation>Der Dienst hinter dem Gateway hat mit etwas geantwortet, das kein gültiges HTTP ist.</translation>
    </message>
    <message>
        <source>the service behind the gateway refused or failed the connection.</source>
        <translation>Der Dienst hinter dem Gateway hat die Verbindung abgewiesen oder ist an ihr gescheitert.</translation>
    </message>
    <message>
        <source>the service behind the gateway failed a tunnel (CONNECT) request.</source>
        <translation>Der Dienst hinter dem Gateway ist an einer Tunnel-Anfrage (CONNECT) gescheitert.</translation>
    </message>
    <message>
        <source>the service behind the gateway refused to take the request, usually because it was busy.</source>
        <translation>Der Dienst hinter dem Gateway hat die Anfrage nicht angenommen, meist weil er ausgelastet war.</translation>
    </message>
    <message>
        <source>the service behind the gateway reset the connection.</source>
        <translation>Der Dienst hinter dem Gateway hat die Verbindung zurückgesetzt.</translation>
    </message>
    <message>
        <source>nothing was listening at the service&apos;s address (connection refused).</source>
        <translation>An der Adresse des Dienstes war nichts erreichbar (Verbindung abgewiesen).</translation>
    </message>
    <message>
        <source>the service did not answer the connection attempt in time.</source>
        <translation>Der Dienst hat auf den Verbindungsversuch nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>the gateway did not accept the service&apos;s certificate, so it refused the secure connection.</source>
        <translation>Das Gateway hat das Zertifikat des Dienstes nicht angenommen und deshalb die sichere Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>the gateway had no network path to the service.</source>
        <translation>Das Gateway hatte keinen Netzwerkweg zum Dienst.</translation>
    </message>
    <message>
        <source>The attempt to connect to %1 was refused at once.</source>
        <translation>Der Verbindungsversuch zu %1 wurde sofort abgewiesen.</translation>
    </message>
    <message>
        <source>There is no message to explain.</source>
        <translation>Es gibt keine Meldung, die zu erklären wäre.</translation>
    </message>
    <message>
        <source>The provider counts this key&apos;s requests per time window, and this one went over; the window resets shortly.</source>
        <translation>Der Anbieter zählt die Anfragen dieses Schlüssels je Zeitfenster, und diese Anfrage lag darüber; das Fenster beginnt in Kürze neu.</translation>
    </message>
    <message>
        <source>llmdoctor does not recognise this message: it names no known error.</source>
        <translation>llmdoctor erkennt diese Meldung nicht: Sie nennt keinen bekannten Fehler.</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP-Status %1</translation>
    </message>
    <message>
        <source>passed through %1</source>
        <translation>lief über %1</translation>
    </message>
    <message>
        <source>It reads as %1, but names no cause.</source>
        <translation>Zu lesen ist: %1; eine Ursache nennt sie nicht.</translation>
    </message>
    <message>
        <source>Your app could not reach the proxy it is set to use.</source>
        <translation>Ihre App konnte den Proxy, den sie verwenden soll, nicht erreichen.</translation>
    </message>
    <message>
        <source>Your app could not connect to %1 on this computer.</source>
        <translation>Ihre App konnte keine Verbindung zu %1 auf diesem Computer herstellen.</translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 400: the API refused the request as malformed or with a wrong parameter.</source>
        <translation>So formuliert n8n ein HTTP 400: Die API hat die Anfrage als fehlerhaft oder mit einem falschen Parameter abgelehnt.</translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 401: the API did not accept the credentials (the API key) of this node.</source>
        <translation>So formuliert n8n ein HTTP 401: Die API hat die Zugangsdaten (den API-Schlüssel) dieses Knotens nicht akzeptiert.</translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 404: the address, path or model this node asked for does not exist at the API.</source>
        <translation>So formuliert n8n ein HTTP 404: Die Adresse, der Pfad oder das Modell, das dieser Knoten angefragt hat, existiert bei der API nicht.</translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 500: the API failed on its side while handling the request.</source>
        <translation>So formuliert n8n ein HTTP 500: Die API ist bei der Bearbeitung der Anfrage auf ihrer Seite gescheitert.</translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 502: a gateway in front of the API got no valid answer from the service behind it.</source>
        <translation>So formuliert n8n ein HTTP 502: Ein Gateway vor der API hat vom Dienst dahinter keine gültige Antwort bekommen.</translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 503: the API is unavailable for now.</source>
        <translation>So formuliert n8n ein HTTP 503: Die API ist im Moment nicht verfügbar.</translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 504: a gateway in front of the API waited too long for the service behind it.</source>
        <translation>So formuliert n8n ein HTTP 504: Ein Gateway vor der API hat zu lange auf den Dienst dahinter gewartet.</translation>
    </message>
    <message>
        <source>The app sent the word &quot;undefined&quot; or &quot;null&quot; as its key: its key setting was empty.</source>
        <translation>Die App hat das Wort „undefined“ oder „null“ als Schlüssel gesendet: Ihre Schlüssel-Einstellung war leer.</translation>
    </message>
    <message>
        <source>Azure Front Door, in front of the API, could not get an answer from the service behind it.</source>
        <translation>Azure Front Door vor der API hat vom Dienst dahinter keine Antwort bekommen.</translation>
    </message>
    <message>
        <source>A Varnish cache in front of the API could not fetch the answer from the server behind it.</source>
        <translation>Ein Varnish-Cache vor der API konnte die Antwort vom Server dahinter nicht abrufen.</translation>
    </message>
    <message>
        <source>Akamai&apos;s firewall in front of the API refused the request before it reached the provider.</source>
        <translation>Die Firewall von Akamai vor der API hat die Anfrage abgewiesen, bevor sie den Anbieter erreichte.</translation>
    </message>
    <message>
        <source>Amazon API Gateway, in front of the API, waited too long (29 seconds at most) for the service behind it.</source>
        <translation>Amazon API Gateway vor der API hat zu lange (höchstens 29 Sekunden) auf den Dienst dahinter gewartet.</translation>
    </message>
    <message>
        <source>Amazon API Gateway answers this for an address or method it has no route for: the path in the URL is wrong, whatever the key.</source>
        <translation>Amazon API Gateway antwortet so auf eine Adresse oder Methode, für die es keine Route hat: Der Pfad in der URL ist falsch, egal welcher Schlüssel.</translation>
    </message>
    <message>
        <source>The Kong gateway in front of the API has no route for this address: the path in the URL is wrong.</source>
        <translation>Das Kong-Gateway vor der API hat keine Route für diese Adresse: Der Pfad in der URL ist falsch.</translation>
    </message>
    <message>
        <source>The web app you deployed on Vercel ran longer than its function time limit while waiting for the API.</source>
        <translation>Die Web-App, die Sie auf Vercel bereitgestellt haben, lief beim Warten auf die API länger als ihr Zeitlimit für Funktionen.</translation>
    </message>
    <message>
        <source>The request was larger than the server accepts: shorten the input or send files separately.</source>
        <translation>Die Anfrage war größer, als der Server annimmt: Kürzen Sie die Eingabe oder senden Sie Dateien getrennt.</translation>
    </message>
    <message>
        <source>The provider&apos;s status page reports an incident: the errors come from its side, and it is working on them.</source>
        <translation>Die Statusseite des Anbieters meldet eine Störung: Die Fehler kommen von seiner Seite, und er arbeitet daran.</translation>
    </message>
    <message>
        <source>The connection attempt failed at once (Python&apos;s asyncio reports a refused connection this way).</source>
        <translation>Der Verbindungsversuch ist sofort gescheitert (so meldet Pythons asyncio eine abgewiesene Verbindung).</translation>
    </message>
    <message>
        <source>The gRPC client could not open a connection to any of the server&apos;s addresses.</source>
        <translation>Der gRPC-Client konnte zu keiner der Adressen des Servers eine Verbindung öffnen.</translation>
    </message>
    <message>
        <source>The service answered that it is unavailable for now (HTTP 503).</source>
        <translation>Der Dienst hat geantwortet, dass er im Moment nicht verfügbar ist (HTTP 503).</translation>
    </message>
    <message>
        <source>A gateway (Envoy) passed your request on, but the service behind it closed or reset that connection before sending an answer.</source>
        <translation>Ein Gateway (Envoy) hat Ihre Anfrage weitergegeben, aber der Dienst dahinter hat diese Verbindung geschlossen oder zurückgesetzt, bevor er antwortete.</translation>
    </message>
    <message>
        <source>Ollama could not start the model on this computer: loading it failed or took too long (often too little memory or graphics memory).</source>
        <translation>Ollama konnte das Modell auf diesem Computer nicht starten: Das Laden ist gescheitert oder hat zu lange gedauert (oft zu wenig Arbeits- oder Grafikspeicher).</translation>
    </message>
    <message>
        <source>The LiteLLM proxy does not know the key your app sent: it is not one of the keys made on that proxy.</source>
        <translation>Der LiteLLM-Proxy kennt den Schlüssel nicht, den Ihre App gesendet hat: Er gehört nicht zu den Schlüsseln, die auf diesem Proxy angelegt wurden.</translation>
    </message>
    <message>
        <source>The LiteLLM proxy knows the key, but that key is not allowed to use this model.</source>
        <translation>Der LiteLLM-Proxy kennt den Schlüssel, aber dieser Schlüssel darf dieses Modell nicht verwenden.</translation>
    </message>
    <message>
        <source>The SOCKS support of your app&apos;s HTTP library is not installed.</source>
        <translation>Die SOCKS-Unterstützung der HTTP-Bibliothek Ihrer App ist nicht installiert.</translation>
    </message>
    <message>
        <source>An Apache server in front of the API passed the request on, but got no valid answer from the service behind it.</source>
        <translation>Ein Apache-Server vor der API hat die Anfrage weitergegeben, aber vom Dienst dahinter keine gültige Antwort bekommen.</translation>
    </message>
    <message>
        <source>Azure Front Door, in front of the API, gave up waiting for the service behind it.</source>
        <translation>Azure Front Door vor der API hat aufgehört, auf den Dienst dahinter zu warten.</translation>
    </message>
    <message>
        <source>The provider&apos;s code running on Cloudflare (a Worker) failed while handling the request (error 1101).</source>
        <translation>Der Code des Anbieters, der bei Cloudflare läuft (ein Worker), ist beim Bearbeiten der Anfrage fehlgeschlagen (Fehler 1101).</translation>
    </message>
    <message>
        <source>A web filter of your company or network (a proxy or firewall) answered instead of the API: its policy blocks this address.</source>
        <translation>Ein Webfilter Ihrer Firma oder Ihres Netzwerks (ein Proxy oder eine Firewall) hat statt der API geantwortet: Seine Regeln sperren diese Adresse.</translation>
    </message>
    <message>
        <source>The relay you send requests through (one-api or new-api) has used up what its upstream channels allow right now, and asks you to slow down and try again.</source>
        <translation>Der Vermittlungsdienst, über den Ihre Anfragen laufen (one-api oder new-api), hat ausgeschöpft, was seine vorgelagerten Kanäle gerade erlauben, und bittet Sie, langsamer zu machen und es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Envoy gateway</source>
        <translation>Envoy-Gateway</translation>
    </message>
    <message>
        <source>Apache web server</source>
        <translation>Apache-Webserver</translation>
    </message>
    <message>
        <source>your nginx server</source>
        <translation>Ihr nginx-Server</translation>
    </message>
    <message>
        <source>HAProxy load balancer</source>
        <translation>HAProxy-Lastverteiler</translation>
    </message>
    <message>
        <source>Azure Front Door</source>
        <translation>Azure Front Door</translation>
    </message>
    <message>
        <source>Google&apos;s front end</source>
        <translation>Googles Front-End</translation>
    </message>
    <message>
        <source>Varnish cache</source>
        <translation>Varnish-Cache</translation>
    </message>
    <message>
        <source>Akamai</source>
        <translation>Akamai</translation>
    </message>
    <message>
        <source>Amazon API Gateway</source>
        <translation>Amazon API Gateway</translation>
    </message>
    <message>
        <source>Kong gateway</source>
        <translation>Kong-Gateway</translation>
    </message>
    <message>
        <source>Vercel (the deployment of your app)</source>
        <translation>Vercel (die Bereitstellung Ihrer App)</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message>
        <source>a gateway (probably Traefik)</source>
        <translation>ein Gateway (wahrscheinlich Traefik)</translation>
    </message>
    <message>
        <source>your Traefik proxy</source>
        <translation>Ihr Traefik-Proxy</translation>
    </message>
    <message>
        <source>Kong API gateway</source>
        <translation>Kong-API-Gateway</translation>
    </message>
    <message>
        <source>Cloudflare</source>
        <translation>Cloudflare</translation>
    </message>
    <message>
        <source>Amazon CloudFront</source>
        <translation>Amazon CloudFront</translation>
    </message>
    <message>
        <source>Google Front End</source>
        <translation>Google Front End</translation>
    </message>
    <message>
        <source>the Squid proxy on your network</source>
        <translation>der Squid-Proxy in Ihrem Netzwerk</translation>
    </message>
    <message>
        <source>the proxy on your network</source>
        <translation>der Proxy in Ihrem Netzwerk</translation>
    </message>
    <message>
        <source>the provider&apos;s API</source>
        <translation>die API des Anbieters</translation>
    </message>
    <message>
        <source>Google&apos;s API</source>
        <translation>Googles API</translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>Azure OpenAI</source>
        <translation>Azure OpenAI</translation>
    </message>
    <message>
        <source>the LiteLLM proxy</source>
        <translation>der LiteLLM-Proxy</translation>
    </message>
    <message>
        <source>the relay (one-api, new-api) you send requests through</source>
        <translation>der Vermittlungsdienst (one-api, new-api), über den Ihre Anfragen laufen</translation>
    </message>
    <message>
        <source>n8n</source>
        <translation>n8n</translation>
    </message>
    <message>
        <source>the provider&apos;s status page</source>
        <translation>die Statusseite des Anbieters</translation>
    </message>
    <message>
        <source>the web application</source>
        <translation>die Webanwendung</translation>
    </message>
    <message>
        <source>your app (Python asyncio)</source>
        <translation>Ihre App (Python asyncio)</translation>
    </message>
    <message>
        <source>your app (gRPC)</source>
        <translation>Ihre App (gRPC)</translation>
    </message>
    <message>
        <source>your app</source>
        <translation>Ihre App</translation>
    </message>
    <message>
        <source>Zscaler, inspecting your traffic</source>
        <translation>Zscaler, das Ihren Datenverkehr prüft</translation>
    </message>
    <message>
        <source>Zscaler</source>
        <translation>Zscaler</translation>
    </message>
    <message>
        <source>the web filter of your network</source>
        <translation>der Webfilter Ihres Netzwerks</translation>
    </message>
    <message>
        <source>The relay you send requests through (one-api or new-api) has no channel set up that serves this model for your group.</source>
        <translation>Der Vermittlungsdienst, über den Ihre Anfragen laufen (one-api oder new-api), hat für Ihre Gruppe keinen Kanal eingerichtet, der dieses Modell bedient.</translation>
    </message>
    <message>
        <source>The address answered with a web page, not the API&apos;s JSON: it is a website or a web interface, not the API endpoint.</source>
        <translation>Die Adresse hat mit einer Webseite geantwortet, nicht mit dem JSON der API: Sie ist eine Website oder eine Weboberfläche, nicht der Endpunkt der API.</translation>
    </message>
    <message>
        <source>The connection was cut from the other side (the operating system&apos;s message, in your language): something on the way or the server reset it before a complete answer arrived.</source>
        <translation>Die Verbindung wurde von der Gegenseite getrennt (die Meldung des Betriebssystems, in Ihrer Sprache): Etwas auf dem Weg oder der Server hat sie zurückgesetzt, bevor eine vollständige Antwort ankam.</translation>
    </message>
    <message>
        <source>The address your app was given is not a complete web address (it lacks http:// or https://, or is malformed), so no request was sent.</source>
        <translation>Die Adresse, die Ihre App bekommen hat, ist keine vollständige Webadresse (ihr fehlt http:// oder https://, oder sie ist fehlerhaft), daher wurde keine Anfrage gesendet.</translation>
    </message>
    <message>
        <source>The key your app sent contains a line break, space, quote or typographic character, so it could not be sent as it is.</source>
        <translation>Der Schlüssel, den Ihre App gesendet hat, enthält einen Zeilenumbruch, ein Leerzeichen, ein Anführungszeichen oder ein typografisches Zeichen und konnte so nicht gesendet werden.</translation>
    </message>
    <message>
        <source>The app says the model it was set to use may not exist, or the key may not have access to it.</source>
        <translation>Die App meldet, dass das eingestellte Modell vielleicht nicht existiert oder der Schlüssel keinen Zugriff darauf hat.</translation>
    </message>
    <message>
        <source>Ollama answered 403: it does not accept requests from the app&apos;s or web page&apos;s origin.</source>
        <translation>Ollama hat mit 403 geantwortet: Es nimmt keine Anfragen von der Herkunft (Origin) dieser App oder Webseite an.</translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: the server behind nginx sent an answer nginx could not accept, so nginx gave up on it.</source>
        <translation>Diese Zeile stammt aus dem Fehlerprotokoll von nginx selbst: Der Server hinter nginx hat eine Antwort geschickt, die nginx nicht annehmen konnte, deshalb hat nginx aufgegeben.</translation>
    </message>
    <message>
        <source>Your computer could not look up the server&apos;s name: the name service it is set to ask, on this computer itself, is not running.</source>
        <translation>Ihr Computer konnte den Namen des Servers nicht nachschlagen: Der Namensdienst, den er fragen soll, läuft auf diesem Computer selbst und ist nicht gestartet.</translation>
    </message>
    <message>
        <source>Your app waited for the API&apos;s answer until it gave up, and says the network (or the proxy set in the app) is the likely cause.</source>
        <translation>Ihre App hat auf die Antwort der API gewartet, bis sie aufgegeben hat, und nennt das Netzwerk (oder den in der App eingestellten Proxy) als wahrscheinliche Ursache.</translation>
    </message>
    <message>
        <source>The proxy your traffic goes through answered in the API&apos;s place: it could not pass the request on. Its settings, or whoever runs it, decide.</source>
        <translation>Der Proxy, über den Ihr Datenverkehr läuft, hat an Stelle der API geantwortet: Er konnte die Anfrage nicht weiterreichen. Entscheidend sind seine Einstellungen oder wer ihn betreibt.</translation>
    </message>
    <message>
        <source>Your gateway (such as LiteLLM) keeps its own budget per key, user or team, and this one is spent.</source>
        <translation>Ihr Gateway (etwa LiteLLM) führt ein eigenes Budget je Schlüssel, Benutzer oder Team, und dieses ist aufgebraucht.</translation>
    </message>
    <message>
        <source>your gateway</source>
        <translation>Ihr Gateway</translation>
    </message>
    <message>
        <source>The message says only that the request timed out, not at which step: while connecting, or while waiting for the answer.</source>
        <translation>Die Meldung sagt nur, dass bei der Anfrage die Zeit abgelaufen ist, nicht bei welchem Schritt: beim Verbinden oder beim Warten auf die Antwort.</translation>
    </message>
    <message>
        <source>The attempt to connect was refused at once.</source>
        <translation>Der Verbindungsversuch wurde sofort abgewiesen.</translation>
    </message>
    <message>
        <source>The message says the connection failed, but not why.</source>
        <translation>Die Meldung sagt, dass die Verbindung fehlschlug, aber nicht, warum.</translation>
    </message>
    <message>
        <source>The message says the provider behind the router failed, but not why.</source>
        <translation>Die Meldung sagt, dass der Anbieter hinter dem Router versagt hat, aber nicht, warum.</translation>
    </message>
    <message>
        <source>It also shows: %1.</source>
        <translation>Außerdem zeigt sie: %1.</translation>
    </message>
    <message>
        <source>A firewall in front of the API turned the request away with a block or robot-check page before it reached the provider.</source>
        <translation>Eine Firewall vor der API hat die Anfrage mit einer Sperr- oder Roboterprüfungsseite abgewiesen, bevor sie den Anbieter erreichte.</translation>
    </message>
    <message>
        <source>a firewall in front of the API</source>
        <translation>eine Firewall vor der API</translation>
    </message>
    <message>
        <source>The service says your plan does not include this: it needs a higher plan or subscription.</source>
        <translation>Der Dienst sagt, dass Ihr Tarif dies nicht enthält: Er verlangt einen höheren Tarif oder ein Abonnement.</translation>
    </message>
    <message>
        <source>the provider&apos;s service</source>
        <translation>der Dienst des Anbieters</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>the page sent an empty answer</source>
        <translation>die Seite hat eine leere Antwort geschickt</translation>
    </message>
    <message>
        <source>the address answered with a web page (HTML) instead of status data</source>
        <translation>die Adresse hat mit einer Webseite (HTML) statt mit Statusdaten geantwortet</translation>
    </message>
    <message>
        <source>the answer is not valid status data (broken JSON: %1)</source>
        <translation>die Antwort sind keine gültigen Statusdaten (kaputtes JSON: %1)</translation>
    </message>
    <message>
        <source>the answer does not look like a status page&apos;s data</source>
        <translation>die Antwort sieht nicht nach den Daten einer Statusseite aus</translation>
    </message>
    <message>
        <source>the answer does not look like a status page&apos;s data (no overall status)</source>
        <translation>die Antwort sieht nicht nach den Daten einer Statusseite aus (kein Gesamtstatus)</translation>
    </message>
    <message>
        <source>the answer lists no incidents</source>
        <translation>die Antwort nennt keine Störungen</translation>
    </message>
    <message>
        <source>the answer lists no maintenance</source>
        <translation>die Antwort nennt keine Wartungsarbeiten</translation>
    </message>
    <message>
        <source>the answer does not look like a Better Stack status page (no aggregate_state)</source>
        <translation>die Antwort sieht nicht nach einer Statusseite von Better Stack aus (kein aggregate_state)</translation>
    </message>
    <message>
        <source>All systems operational</source>
        <translation>Alle Systeme funktionieren</translation>
    </message>
    <message>
        <source>the answer does not look like a Rootly status page (no indicator)</source>
        <translation>die Antwort sieht nicht nach einer Statusseite von Rootly aus (kein indicator)</translation>
    </message>
    <message>
        <source>the answer does not look like the data of any status page llmdoctor knows</source>
        <translation>die Antwort sieht nicht nach den Daten einer Statusseite aus, die llmdoctor kennt</translation>
    </message>
    <message>
        <source>Degraded performance</source>
        <translation>Eingeschränkte Leistung</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Ausfall</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>llmdoctor did not recognise the message you pasted: it does not say what failed or where. The checks above are the better guide; if your app still fails, paste its full error message or log output.</source>
        <translation>llmdoctor hat die eingefügte Meldung nicht erkannt: Sie sagt nicht, was wo gescheitert ist. Die Prüfungen oben sind der bessere Wegweiser; wenn Ihre App weiter scheitert, fügen Sie ihre vollständige Fehlermeldung oder Protokollausgabe ein.</translation>
    </message>
    <message>
        <source>The message you pasted says the same: %1</source>
        <translation>Die eingefügte Meldung sagt dasselbe: %1</translation>
    </message>
    <message>
        <source>About the message you pasted: %1 The checks found a different problem now; fix that first, and if the message comes back, run llmdoctor again with it.</source>
        <translation>Zur eingefügten Meldung: %1 Die Prüfungen haben jetzt ein anderes Problem gefunden; beheben Sie zuerst dieses, und wenn die Meldung wiederkommt, starten Sie llmdoctor erneut damit.</translation>
    </message>
    <message>
        <source>your own gateway at %1</source>
        <translation>Ihr eigenes Gateway unter %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Close names this server offers: %1.</source>
        <translation>Ähnliche Namen, die dieser Server anbietet: %1.</translation>
    </message>
    <message>
        <source>The provider</source>
        <translation>Der Anbieter</translation>
    </message>
    <message>
        <source>Its latest update%1: &quot;%2&quot;</source>
        <translation>Die letzte Meldung%1: „%2“</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>you or your network administrator</source>
        <translation>Sie oder Ihre Netzwerkverwaltung</translation>
    </message>
    <message>
        <source>whoever runs the proxy (usually your IT department)</source>
        <translation>der Betreiber des Proxys (meist Ihre IT-Abteilung)</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>der Anbieter</translation>
    </message>
    <message>
        <source>you, in your account on the provider&apos;s website</source>
        <translation>Sie, in Ihrem Konto auf der Website des Anbieters</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>The path test: %1</source>
        <translation>Der Pfadtest: %1</translation>
    </message>
    <message>
        <source>About %1% of the connection attempts&apos; packets were lost.</source>
        <translation>Etwa %1 % der Pakete der Verbindungsversuche gingen verloren.</translation>
    </message>
    <message>
        <source>Your own link and router are fine; the loss is further on.</source>
        <translation>Ihre eigene Leitung und Ihr Router sind in Ordnung; der Verlust liegt weiter hinten.</translation>
    </message>
    <message>
        <source>Worth a look: %1</source>
        <translation>Einen Blick wert: %1</translation>
    </message>
    <message>
        <source>%1&apos;s status page reports no problem right now; the checks below point to: %2.</source>
        <translation>Die Statusseite von %1 meldet gerade kein Problem; die Prüfungen unten deuten auf: %2.</translation>
    </message>
    <message>
        <source>The issuer&apos;s name points at %1 software.</source>
        <translation>Der Name des Ausstellers deutet auf Software von %1.</translation>
    </message>
    <message>
        <source>The gateway that gave up is your own nginx: give it longer timeouts (the nginx block below), then reload it with &quot;nginx -s reload&quot;.</source>
        <translation>Das Gateway, das aufgegeben hat, ist Ihr eigenes nginx: Geben Sie ihm längere Zeitlimits (der nginx-Block unten) und laden Sie es dann mit „nginx -s reload“ neu.</translation>
    </message>
    <message>
        <source>Use this API address instead: %1</source>
        <translation>Verwenden Sie stattdessen diese API-Adresse: %1</translation>
    </message>
    <message>
        <source>Corrected API address</source>
        <translation>Korrigierte API-Adresse</translation>
    </message>
    <message>
        <source>Your requests go through your proxy, so the gateway that wrote this is most likely that proxy: its settings and logs decide.</source>
        <translation>Ihre Anfragen laufen über Ihren Proxy; das Gateway, das dies geschrieben hat, ist also höchstwahrscheinlich dieser Proxy: Seine Einstellungen und Protokolle entscheiden.</translation>
    </message>
    <message>
        <source>The API address (%1) is on your own computer or network, so the gateway that wrote this is most likely your own: its settings and logs decide.</source>
        <translation>Die API-Adresse (%1) liegt auf Ihrem eigenen Computer oder in Ihrem Netzwerk; das Gateway, das dies geschrieben hat, ist also höchstwahrscheinlich Ihr eigenes: Seine Einstellungen und Protokolle entscheiden.</translation>
    </message>
    <message>
        <source>reset reason: %1</source>
        <translation>Grund für das Zurücksetzen: %1</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message>
        <source>the port in the address</source>
        <translation>der Port in der Adresse</translation>
    </message>
    <message>
        <source>your proxy</source>
        <translation>Ihr Proxy</translation>
    </message>
    <message>
        <source>the one your app asked for</source>
        <translation>das Modell, das Ihre App verlangt hat</translation>
    </message>
    <message>
        <source>the time the provider asks for</source>
        <translation>die Zeit, die der Anbieter verlangt</translation>
    </message>
    <message>
        <source>your provider account&apos;s billing page</source>
        <translation>die Abrechnungsseite Ihres Kontos beim Anbieter</translation>
    </message>
    <message>
        <source>an AWS load balancer</source>
        <translation>ein AWS-Load-Balancer</translation>
    </message>
    <message>
        <source>a Google Cloud load balancer</source>
        <translation>ein Google-Cloud-Load-Balancer</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>The message you pasted says the same, but the checks show that %1 wrote it, not %2 as its words alone suggest.</source>
        <translation>Die eingefügte Meldung sagt dasselbe, aber die Prüfungen zeigen, dass %1 sie geschrieben hat, nicht %2, wie ihr Wortlaut allein vermuten lässt.</translation>
    </message>
</context>
<context>
    <name>advice</name>
    <message>
        <source>Your API key has stray spaces or line breaks around it.</source>
        <translation>Ihr API-Schlüssel hat überzählige Leerzeichen oder Zeilenumbrüche um sich herum.</translation>
    </message>
    <message>
        <source>The provider accepts the key only once they are removed. llmdoctor removes them before asking; many apps send the key exactly as it is stored, and then get &quot;401 Unauthorized&quot; or &quot;invalid API key&quot;.</source>
        <translation>Der Anbieter nimmt den Schlüssel erst an, wenn sie entfernt sind. llmdoctor entfernt sie vor der Anfrage; viele Apps senden den Schlüssel aber genau so, wie er gespeichert ist, und bekommen dann „401 Unauthorized“ oder „invalid API key“.</translation>
    </message>
    <message>
        <source>Open the place where your app stores the key (a settings field, an .env file, an environment variable) and delete the spaces or line breaks before and after it.</source>
        <translation>Öffnen Sie die Stelle, an der Ihre App den Schlüssel speichert (ein Einstellungsfeld, eine .env-Datei, eine Umgebungsvariable), und löschen Sie die Leerzeichen oder Zeilenumbrüche davor und danach.</translation>
    </message>
    <message>
        <source>Copy the key again from the provider&apos;s website if you are unsure where it ends.</source>
        <translation>Kopieren Sie den Schlüssel erneut von der Website des Anbieters, wenn Sie nicht sicher sind, wo er endet.</translation>
    </message>
    <message>
        <source>The provider rejected your API key.</source>
        <translation>Der Anbieter hat Ihren API-Schlüssel abgelehnt.</translation>
    </message>
    <message>
        <source>The server answered 401 Unauthorized: the key is wrong, revoked, or belongs to another provider ({detail}).</source>
        <translation>Der Server hat mit 401 Unauthorized geantwortet: Der Schlüssel ist falsch, widerrufen oder gehört zu einem anderen Anbieter ({detail}).</translation>
    </message>
    <message>
        <source>Copy the key again from the provider&apos;s website, without spaces, quotes or the word &quot;Bearer&quot;.</source>
        <translation>Kopieren Sie den Schlüssel erneut von der Website des Anbieters, ohne Leerzeichen, Anführungszeichen oder das Wort „Bearer“.</translation>
    </message>
    <message>
        <source>Make sure the key is for this provider: keys from one provider never work at another.</source>
        <translation>Stellen Sie sicher, dass der Schlüssel zu diesem Anbieter gehört: Schlüssel des einen Anbieters funktionieren nie bei einem anderen.</translation>
    </message>
    <message>
        <source>If the key is new, wait a minute; if it was deleted or expired, create a new one.</source>
        <translation>Wenn der Schlüssel neu ist, warten Sie eine Minute; wurde er gelöscht oder ist er abgelaufen, erstellen Sie einen neuen.</translation>
    </message>
    <message>
        <source>The API needs a key, and none was sent.</source>
        <translation>Die API braucht einen Schlüssel, und es wurde keiner gesendet.</translation>
    </message>
    <message>
        <source>The server answered {status} Unauthorized to a request without an API key.</source>
        <translation>Der Server hat auf eine Anfrage ohne API-Schlüssel mit {status} Unauthorized geantwortet.</translation>
    </message>
    <message>
        <source>No API key was given, and {provider_name} needs one for every request.</source>
        <translation>Es wurde kein API-Schlüssel angegeben, und {provider_name} braucht einen für jede Anfrage.</translation>
    </message>
    <message>
        <source>No API key was given, and this API needs one.</source>
        <translation>Es wurde kein API-Schlüssel angegeben, und diese API braucht einen.</translation>
    </message>
    <message>
        <source>Copy your API key from the provider&apos;s website and enter it in llmdoctor (or set it in an environment variable and use --api-key-env).</source>
        <translation>Kopieren Sie Ihren API-Schlüssel von der Website des Anbieters und geben Sie ihn in llmdoctor ein (oder legen Sie ihn in eine Umgebungsvariable und verwenden Sie --api-key-env).</translation>
    </message>
    <message>
        <source>The server did not accept the request (HTTP {status}).</source>
        <translation>Der Server hat die Anfrage nicht angenommen (HTTP {status}).</translation>
    </message>
    <message>
        <source>The server understood the connection but not the request ({detail}). The address, model name or request settings may be wrong.</source>
        <translation>Der Server hat die Verbindung verstanden, aber nicht die Anfrage ({detail}). Die Adresse, der Modellname oder die Einstellungen der Anfrage sind vielleicht falsch.</translation>
    </message>
    <message>
        <source>Check the API address and the model name against the provider&apos;s documentation.</source>
        <translation>Vergleichen Sie API-Adresse und Modellnamen mit der Dokumentation des Anbieters.</translation>
    </message>
    <message>
        <source>The checks were cancelled before they finished.</source>
        <translation>Die Prüfungen wurden abgebrochen, bevor sie fertig waren.</translation>
    </message>
    <message>
        <source>Nothing can be concluded from an incomplete run.</source>
        <translation>Aus einem unvollständigen Durchlauf lässt sich nichts schließen.</translation>
    </message>
    <message>
        <source>Run the checks again and let them finish.</source>
        <translation>Starten Sie die Prüfungen erneut und lassen Sie sie zu Ende laufen.</translation>
    </message>
    <message>
        <source>Your computer cannot get through to {host}: the connection attempt timed out.</source>
        <translation>Ihr Computer kommt nicht zu {host} durch: Der Verbindungsversuch hat zu lange gedauert.</translation>
    </message>
    <message>
        <source>The server&apos;s address is known, but no answer came back when your computer tried to connect. A firewall, VPN or company network that silently drops the traffic is the usual cause; less often the server is down.</source>
        <translation>Die Adresse des Servers ist bekannt, aber als Ihr Computer sich verbinden wollte, kam keine Antwort zurück. Meist verwirft eine Firewall, ein VPN oder ein Firmennetz den Verkehr stillschweigend; seltener ist der Server ausgefallen.</translation>
    </message>
    <message>
        <source>Try from another network (for example a phone hotspot). If it works there, your network blocks the connection.</source>
        <translation>Versuchen Sie es aus einem anderen Netzwerk (zum Beispiel über einen Handy-Hotspot). Klappt es dort, blockiert Ihr Netzwerk die Verbindung.</translation>
    </message>
    <message>
        <source>Check firewall, antivirus or VPN software on your computer.</source>
        <translation>Prüfen Sie Firewall, Virenschutz oder VPN-Software auf Ihrem Computer.</translation>
    </message>
    <message>
        <source>On a company network, ask your network administrator whether {host} port {port} is allowed.</source>
        <translation>Fragen Sie in einem Firmennetz Ihre Netzwerkverwaltung, ob {host} Port {port} erlaubt ist.</translation>
    </message>
    <message>
        <source>Nothing is answering at {host} on port {port}.</source>
        <translation>Unter {host} antwortet nichts auf Port {port}.</translation>
    </message>
    <message>
        <source>Your computer reached {host}, and it replied straight away that no program is listening on port {port}. The address or port is wrong, or the server program is not running.</source>
        <translation>Ihr Computer hat {host} erreicht, und der hat sofort geantwortet, dass auf Port {port} kein Programm lauscht. Adresse oder Port sind falsch, oder das Serverprogramm läuft nicht.</translation>
    </message>
    <message>
        <source>Check the port in the API address (https uses 443 unless the provider says otherwise).</source>
        <translation>Prüfen Sie den Port in der API-Adresse (https nutzt 443, sofern der Anbieter nichts anderes angibt).</translation>
    </message>
    <message>
        <source>If the server runs on your own computer (Ollama, LM Studio, vLLM, llama.cpp), make sure it is started and listening on port {port}.</source>
        <translation>Wenn der Server auf Ihrem eigenen Computer läuft (Ollama, LM Studio, vLLM, llama.cpp), stellen Sie sicher, dass er gestartet ist und auf Port {port} lauscht.</translation>
    </message>
    <message>
        <source>If it is a company server, ask its administrator whether it is up.</source>
        <translation>Wenn es ein Firmenserver ist, fragen Sie seine Verwaltung, ob er läuft.</translation>
    </message>
    <message>
        <source>No server is running on your computer at port {port}.</source>
        <translation>Auf Ihrem Computer läuft kein Server auf Port {port}.</translation>
    </message>
    <message>
        <source>The address points at this computer ({host}), and nothing is listening on port {port}. The local model server (Ollama, LM Studio, vLLM, llama.cpp…) is not started, or it uses another port.</source>
        <translation>Die Adresse zeigt auf diesen Computer ({host}), und auf Port {port} lauscht nichts. Der lokale Modellserver (Ollama, LM Studio, vLLM, llama.cpp …) ist nicht gestartet, oder er nutzt einen anderen Port.</translation>
    </message>
    <message>
        <source>Start the local model server and wait until it says it is ready.</source>
        <translation>Starten Sie den lokalen Modellserver und warten Sie, bis er meldet, dass er bereit ist.</translation>
    </message>
    <message>
        <source>Check which port it listens on (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080) and use that port in the address.</source>
        <translation>Prüfen Sie, auf welchem Port er lauscht (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080), und verwenden Sie diesen Port in der Adresse.</translation>
    </message>
    <message>
        <source>Your computer cannot find the server &quot;{host}&quot;.</source>
        <translation>Ihr Computer findet den Server „{host}“ nicht.</translation>
    </message>
    <message>
        <source>Before anything else, a computer has to turn the server&apos;s name into a numeric address (a DNS lookup). That lookup failed: {detail}. When the name does not exist at all, the address usually has a typo. When the lookup service itself fails, your internet connection or DNS server is the problem.</source>
        <translation>Zuerst muss ein Computer den Namen des Servers in eine numerische Adresse übersetzen (eine DNS-Abfrage). Diese Abfrage ist fehlgeschlagen: {detail}. Wenn es den Namen gar nicht gibt, enthält die Adresse meist einen Tippfehler. Wenn der Namensdienst selbst versagt, liegt das Problem bei Ihrer Internetverbindung oder Ihrem DNS-Server.</translation>
    </message>
    <message>
        <source>Check the API address for typos: it should look like https://api.example.com/v1.</source>
        <translation>Prüfen Sie die API-Adresse auf Tippfehler: Sie sollte etwa so aussehen: https://api.example.com/v1.</translation>
    </message>
    <message>
        <source>Open any website to make sure your internet connection works.</source>
        <translation>Öffnen Sie irgendeine Website, um sicherzugehen, dass Ihre Internetverbindung funktioniert.</translation>
    </message>
    <message>
        <source>If you are on a company network or VPN, ask your network administrator whether {host} is blocked.</source>
        <translation>Wenn Sie in einem Firmennetz oder VPN sind, fragen Sie Ihre Netzwerkverwaltung, ob {host} gesperrt ist.</translation>
    </message>
    <message>
        <source>Your network&apos;s name lookup does not know &quot;{host}&quot;, the provider&apos;s own API address.</source>
        <translation>Der Namensdienst Ihres Netzwerks kennt „{host}“ nicht, die eigene API-Adresse des Anbieters.</translation>
    </message>
    <message>
        <source>The address is the one the provider documents, so this is not a typo. The DNS server your computer uses answered that the name does not exist ({detail}): it may be blocked or filtered on this network, or the lookup service is not working.</source>
        <translation>Die Adresse ist die, die der Anbieter dokumentiert; ein Tippfehler ist es also nicht. Der DNS-Server, den Ihr Computer benutzt, hat geantwortet, dass es den Namen nicht gibt ({detail}): Er ist in diesem Netzwerk vielleicht gesperrt oder gefiltert, oder der Namensdienst funktioniert nicht.</translation>
    </message>
    <message>
        <source>Open any website to check that your internet connection works.</source>
        <translation>Öffnen Sie irgendeine Website, um zu prüfen, ob Ihre Internetverbindung funktioniert.</translation>
    </message>
    <message>
        <source>Try another network (for example a phone hotspot): if it works there, this network blocks the name.</source>
        <translation>Versuchen Sie es in einem anderen Netzwerk (zum Beispiel über einen Handy-Hotspot): Klappt es dort, sperrt dieses Netzwerk den Namen.</translation>
    </message>
    <message>
        <source>On a company network or VPN, ask your network administrator whether {host} is blocked.</source>
        <translation>Fragen Sie in einem Firmennetz oder VPN Ihre Netzwerkverwaltung, ob {host} gesperrt ist.</translation>
    </message>
    <message>
        <source>Your computer could not look up &quot;{host}&quot;: the name lookup service is not answering.</source>
        <translation>Ihr Computer konnte „{host}“ nicht nachschlagen: Der Namensdienst antwortet nicht.</translation>
    </message>
    <message>
        <source>The DNS lookup did not say the name is unknown; it failed to get an answer at all ({detail}). That points at your internet connection or DNS server, not at the provider.</source>
        <translation>Die DNS-Abfrage hat nicht gemeldet, dass der Name unbekannt ist; sie hat überhaupt keine Antwort bekommen ({detail}). Das deutet auf Ihre Internetverbindung oder Ihren DNS-Server, nicht auf den Anbieter.</translation>
    </message>
    <message>
        <source>Check that your internet connection works (open any website).</source>
        <translation>Prüfen Sie, ob Ihre Internetverbindung funktioniert (öffnen Sie irgendeine Website).</translation>
    </message>
    <message>
        <source>Restart your router or switch to another network (for example a phone hotspot) and try again.</source>
        <translation>Starten Sie Ihren Router neu oder wechseln Sie in ein anderes Netzwerk (zum Beispiel einen Handy-Hotspot) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>If you use a VPN or company network, ask your network administrator.</source>
        <translation>Wenn Sie ein VPN oder ein Firmennetz nutzen, fragen Sie Ihre Netzwerkverwaltung.</translation>
    </message>
    <message>
        <source>The API address has moved to {moved}.</source>
        <translation>Die API-Adresse ist umgezogen nach {moved}.</translation>
    </message>
    <message>
        <source>The server answered with a redirect to another address. Apps and llmdoctor do not send your key on to a new address by themselves, so requests to the old one fail.</source>
        <translation>Der Server hat mit einer Weiterleitung zu einer anderen Adresse geantwortet. Apps und llmdoctor schicken Ihren Schlüssel nicht von selbst an eine neue Adresse weiter, deshalb scheitern Anfragen an die alte.</translation>
    </message>
    <message>
        <source>Put the new address in your app: {moved}</source>
        <translation>Tragen Sie die neue Adresse in Ihrer App ein: {moved}</translation>
    </message>
    <message>
        <source>If you did not expect the address to change, check with the provider&apos;s documentation that it is theirs.</source>
        <translation>Wenn Sie nicht erwartet haben, dass sich die Adresse ändert, prüfen Sie in der Dokumentation des Anbieters, ob sie wirklich zu ihm gehört.</translation>
    </message>
    <message>
        <source>There is no API at this address.</source>
        <translation>Unter dieser Adresse gibt es keine API.</translation>
    </message>
    <message>
        <source>The path in the API address is wrong ({detail}). Base addresses usually end in /v1 and must not include /chat/completions.</source>
        <translation>Der Pfad in der API-Adresse ist falsch ({detail}). Basisadressen enden meist auf /v1 und dürfen /chat/completions nicht enthalten.</translation>
    </message>
    <message>
        <source>Compare the API address with the provider&apos;s documentation, for example https://api.openai.com/v1.</source>
        <translation>Vergleichen Sie die API-Adresse mit der Dokumentation des Anbieters, zum Beispiel https://api.openai.com/v1.</translation>
    </message>
    <message>
        <source>Azure OpenAI has no deployment with the name in your address.</source>
        <translation>Azure OpenAI hat kein Deployment mit dem Namen in Ihrer Adresse.</translation>
    </message>
    <message>
        <source>The deployment name can differ from the model&apos;s name, so the model name alone does not work there.</source>
        <translation>Der Name des Deployments kann vom Namen des Modells abweichen; der Modellname allein funktioniert dort also nicht.</translation>
    </message>
    <message>
        <source>Open your resource in the Azure portal (or Azure AI Foundry), look up the deployment name, and put exactly that into the address or the model field.</source>
        <translation>Öffnen Sie Ihre Ressource im Azure-Portal (oder in Azure AI Foundry), suchen Sie den Namen des Deployments heraus und tragen Sie genau diesen in die Adresse oder das Modellfeld ein.</translation>
    </message>
    <message>
        <source>Check that the address uses the same resource and an api-version your deployment supports.</source>
        <translation>Prüfen Sie, ob die Adresse dieselbe Ressource und eine api-version verwendet, die Ihr Deployment unterstützt.</translation>
    </message>
    <message>
        <source>Your computer could not get through to the server ({host}): the connection attempt timed out.</source>
        <translation>Ihr Computer kam nicht zum Server ({host}) durch: Der Verbindungsversuch hat zu lange gedauert.</translation>
    </message>
    <message>
        <source>No answer came back at all, which is what happens when a firewall, VPN or company network silently drops the traffic. Less often, the server is down.</source>
        <translation>Es kam überhaupt keine Antwort zurück; das passiert, wenn eine Firewall, ein VPN oder ein Firmennetz den Verkehr stillschweigend verwirft. Seltener ist der Server ausgefallen.</translation>
    </message>
    <message>
        <source>Try from another network (for example a phone hotspot): if it works there, your network blocks the connection.</source>
        <translation>Versuchen Sie es aus einem anderen Netzwerk (zum Beispiel über einen Handy-Hotspot): Klappt es dort, blockiert Ihr Netzwerk die Verbindung.</translation>
    </message>
    <message>
        <source>Check firewall, antivirus and VPN software on your computer.</source>
        <translation>Prüfen Sie Firewall, Virenschutz und VPN-Software auf Ihrem Computer.</translation>
    </message>
    <message>
        <source>On a company network, ask your network administrator whether the API&apos;s address is allowed.</source>
        <translation>Fragen Sie in einem Firmennetz Ihre Netzwerkverwaltung, ob die Adresse der API erlaubt ist.</translation>
    </message>
    <message>
        <source>Nothing is answering at the address your app uses ({host}).</source>
        <translation>Unter der Adresse, die Ihre App nutzt ({host}), antwortet nichts.</translation>
    </message>
    <message>
        <source>For a cloud provider this almost always means the address or port is wrong. For a server on your own computer (Ollama, LM Studio, vLLM, llama.cpp), it means the server is not running or listens on another port.</source>
        <translation>Bei einem Cloud-Anbieter heißt das fast immer, dass Adresse oder Port falsch sind. Bei einem Server auf Ihrem eigenen Computer (Ollama, LM Studio, vLLM, llama.cpp) heißt es, dass der Server nicht läuft oder auf einem anderen Port lauscht.</translation>
    </message>
    <message>
        <source>Check the address and port in your app against the provider&apos;s documentation.</source>
        <translation>Vergleichen Sie Adresse und Port in Ihrer App mit der Dokumentation des Anbieters.</translation>
    </message>
    <message>
        <source>If the model server runs on your own computer, start it and check its port (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080).</source>
        <translation>Wenn der Modellserver auf Ihrem eigenen Computer läuft, starten Sie ihn und prüfen Sie seinen Port (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080).</translation>
    </message>
    <message>
        <source>If your app runs in a container, &quot;localhost&quot; there is the container itself: use the host&apos;s address instead.</source>
        <translation>Wenn Ihre App in einem Container läuft, ist „localhost“ dort der Container selbst: Verwenden Sie stattdessen die Adresse des Hosts.</translation>
    </message>
    <message>
        <source>The provider&apos;s content filter refused this prompt.</source>
        <translation>Der Inhaltsfilter des Anbieters hat diesen Prompt abgelehnt.</translation>
    </message>
    <message>
        <source>The request reached the model, but its safety filter flagged the text, so retrying the same prompt fails the same way.</source>
        <translation>Die Anfrage hat das Modell erreicht, aber sein Sicherheitsfilter hat den Text markiert; derselbe Prompt scheitert also bei jedem Versuch genauso.</translation>
    </message>
    <message>
        <source>Change the wording of the prompt or the conversation history that triggered the filter.</source>
        <translation>Ändern Sie die Formulierung des Prompts oder den Gesprächsverlauf, der den Filter ausgelöst hat.</translation>
    </message>
    <message>
        <source>On Azure OpenAI, ask your administrator whether a custom content filter fits your use.</source>
        <translation>Fragen Sie bei Azure OpenAI Ihre Verwaltung, ob ein eigener Inhaltsfilter zu Ihrer Nutzung passt.</translation>
    </message>
    <message>
        <source>Your computer could not find the server&apos;s address ({host}).</source>
        <translation>Ihr Computer konnte die Adresse des Servers nicht finden ({host}).</translation>
    </message>
    <message>
        <source>When the name does not exist, the address usually has a typo. When many names fail, your internet connection or DNS server is the problem.</source>
        <translation>Wenn es den Namen nicht gibt, enthält die Adresse meist einen Tippfehler. Wenn viele Namen scheitern, liegt das Problem bei Ihrer Internetverbindung oder Ihrem DNS-Server.</translation>
    </message>
    <message>
        <source>Check the API address in your app for typos; it should look like https://api.openai.com/v1.</source>
        <translation>Prüfen Sie die API-Adresse in Ihrer App auf Tippfehler; sie sollte etwa so aussehen: https://api.openai.com/v1.</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks with your provider: they tell a wrong name from a broken lookup service.</source>
        <translation>Starten Sie die Prüfungen von llmdoctor mit Ihrem Anbieter: Sie unterscheiden einen falschen Namen von einem kaputten Namensdienst.</translation>
    </message>
    <message>
        <source>Your computer could not look up the server&apos;s address: the name lookup service did not answer.</source>
        <translation>Ihr Computer konnte die Adresse des Servers nicht nachschlagen: Der Namensdienst hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>This is not about the name being wrong: the lookup itself failed, so the problem is on your side of the connection (internet connection, router, VPN or DNS settings), not at the provider.</source>
        <translation>Es liegt nicht daran, dass der Name falsch ist: Die Abfrage selbst ist gescheitert, das Problem liegt also auf Ihrer Seite der Verbindung (Internetverbindung, Router, VPN oder DNS-Einstellungen), nicht beim Anbieter.</translation>
    </message>
    <message>
        <source>A gateway in front of the API could not get a good answer from the AI service behind it (HTTP {status}).</source>
        <translation>Ein Gateway vor der API hat vom KI-Dienst dahinter keine brauchbare Antwort bekommen (HTTP {status}).</translation>
    </message>
    <message>
        <source>The error page came from a gateway or load balancer{hops}, which means your request reached the provider&apos;s side. Your computer and network are not the cause; it is usually temporary.</source>
        <translation>Die Fehlerseite kam von einem Gateway oder Load Balancer{hops}; Ihre Anfrage hat also die Seite des Anbieters erreicht. Ihr Computer und Ihr Netzwerk sind nicht die Ursache; es ist meist vorübergehend.</translation>
    </message>
    <message>
        <source>Wait a few minutes and try again; add retries with growing pauses to your app (examples below).</source>
        <translation>Warten Sie ein paar Minuten und versuchen Sie es erneut; bauen Sie in Ihre App Wiederholungen mit wachsenden Pausen ein (Beispiele unten).</translation>
    </message>
    <message>
        <source>Check the provider&apos;s status page for an incident.</source>
        <translation>Sehen Sie auf der Statusseite des Anbieters nach einer Störung.</translation>
    </message>
    <message>
        <source>If it keeps failing for more than half an hour, contact the provider&apos;s support with the time of the error and any request id.</source>
        <translation>Wenn es länger als eine halbe Stunde scheitert, wenden Sie sich mit der Uhrzeit des Fehlers und einer etwaigen Anfrage-ID an den Support des Anbieters.</translation>
    </message>
    <message>
        <source>A gateway in front of the API gave up waiting for the AI service behind it (HTTP {status}).</source>
        <translation>Ein Gateway vor der API hat es aufgegeben, auf den KI-Dienst dahinter zu warten (HTTP {status}).</translation>
    </message>
    <message>
        <source>The gateway{hops} has a time limit, and the answer took longer. Very long answers can do this; otherwise the service is overloaded.</source>
        <translation>Das Gateway{hops} hat ein Zeitlimit, und die Antwort hat länger gedauert. Sehr lange Antworten können das auslösen; sonst ist der Dienst überlastet.</translation>
    </message>
    <message>
        <source>Try again with a shorter request, or turn on streaming so the first words arrive early.</source>
        <translation>Versuchen Sie es erneut mit einer kürzeren Anfrage, oder schalten Sie Streaming ein, damit die ersten Wörter früh ankommen.</translation>
    </message>
    <message>
        <source>Check the provider&apos;s status page.</source>
        <translation>Sehen Sie auf der Statusseite des Anbieters nach.</translation>
    </message>
    <message>
        <source>If the gateway is your own (for example nginx in front of the API), raise its read timeout.</source>
        <translation>Wenn das Gateway Ihr eigenes ist (zum Beispiel nginx vor der API), erhöhen Sie sein Zeitlimit fürs Lesen.</translation>
    </message>
    <message>
        <source>The provider does not serve the region your connection comes from.</source>
        <translation>Der Anbieter bedient die Region nicht, aus der Ihre Verbindung kommt.</translation>
    </message>
    <message>
        <source>Providers decide by the public address your request leaves from. A VPN, proxy, cloud server or CDN node in an unsupported country gets this answer even when you are elsewhere.</source>
        <translation>Anbieter entscheiden nach der öffentlichen Adresse, von der Ihre Anfrage ausgeht. Ein VPN, Proxy, Cloud-Server oder CDN-Knoten in einem nicht unterstützten Land bekommt diese Antwort, auch wenn Sie woanders sind.</translation>
    </message>
    <message>
        <source>Check which country your public address belongs to, and turn off or switch the VPN or proxy exit to a supported region.</source>
        <translation>Prüfen Sie, zu welchem Land Ihre öffentliche Adresse gehört, und schalten Sie das VPN oder den Proxy-Ausgang ab oder auf eine unterstützte Region um.</translation>
    </message>
    <message>
        <source>If your app runs on a cloud server, run it in a region the provider supports.</source>
        <translation>Wenn Ihre App auf einem Cloud-Server läuft, betreiben Sie sie in einer Region, die der Anbieter unterstützt.</translation>
    </message>
    <message>
        <source>Check the provider&apos;s list of supported countries and regions.</source>
        <translation>Sehen Sie in der Liste der unterstützten Länder und Regionen des Anbieters nach.</translation>
    </message>
    <message>
        <source>The provider has no model called &quot;{model}&quot;, or your account cannot use it.</source>
        <translation>Der Anbieter hat kein Modell namens „{model}“, oder Ihr Konto darf es nicht nutzen.</translation>
    </message>
    <message>
        <source>The model name must match the provider&apos;s list exactly, including capitals and any prefix such as &quot;openai/&quot; on OpenRouter.</source>
        <translation>Der Modellname muss genau mit der Liste des Anbieters übereinstimmen, einschließlich Groß- und Kleinschreibung und eines Präfixes wie „openai/“ bei OpenRouter.</translation>
    </message>
    <message>
        <source>Copy the model name from the provider&apos;s model list.</source>
        <translation>Kopieren Sie den Modellnamen aus der Modellliste des Anbieters.</translation>
    </message>
    <message>
        <source>Run llmdoctor diagnose with your key and --model: it lists the models your key can use and suggests close names.</source>
        <translation>Starten Sie llmdoctor diagnose mit Ihrem Schlüssel und --model: Es listet die Modelle auf, die Ihr Schlüssel nutzen darf, und schlägt ähnliche Namen vor.</translation>
    </message>
    <message>
        <source>Your computer has no network path to the server.</source>
        <translation>Ihr Computer hat keinen Netzwerkweg zum Server.</translation>
    </message>
    <message>
        <source>The operating system gave up before sending anything: the computer is offline, or the address needs a kind of connection (often IPv6) your network does not offer.</source>
        <translation>Das Betriebssystem hat aufgegeben, bevor etwas gesendet wurde: Der Computer ist offline, oder die Adresse braucht eine Art Verbindung (oft IPv6), die Ihr Netzwerk nicht bietet.</translation>
    </message>
    <message>
        <source>Check that you are connected to the internet.</source>
        <translation>Prüfen Sie, ob Sie mit dem Internet verbunden sind.</translation>
    </message>
    <message>
        <source>If only IPv6 addresses fail, ask your network administrator, or make your app prefer IPv4.</source>
        <translation>Wenn nur IPv6-Adressen scheitern, fragen Sie Ihre Netzwerkverwaltung, oder lassen Sie Ihre App IPv4 bevorzugen.</translation>
    </message>
    <message>
        <source>The Ollama server does not have the model &quot;{model}&quot; yet.</source>
        <translation>Der Ollama-Server hat das Modell „{model}“ noch nicht.</translation>
    </message>
    <message>
        <source>Ollama only runs models that were downloaded to it first; the name may also be misspelled or miss its tag.</source>
        <translation>Ollama führt nur Modelle aus, die vorher auf ihn heruntergeladen wurden; vielleicht ist der Name auch falsch geschrieben oder ihm fehlt das Tag.</translation>
    </message>
    <message>
        <source>Download it on the machine that runs Ollama: ollama pull {model}</source>
        <translation>Laden Sie es auf dem Rechner herunter, auf dem Ollama läuft: ollama pull {model}</translation>
    </message>
    <message>
        <source>Run &quot;ollama list&quot; there to see the exact names it has, including the tag after the colon.</source>
        <translation>Führen Sie dort „ollama list“ aus, um die genauen Namen zu sehen, einschließlich des Tags nach dem Doppelpunkt.</translation>
    </message>
    <message>
        <source>OpenRouter has no provider for this model that your privacy settings allow.</source>
        <translation>OpenRouter hat für dieses Modell keinen Anbieter, den Ihre Datenschutzeinstellungen erlauben.</translation>
    </message>
    <message>
        <source>Your account&apos;s data policy excludes every provider that serves this model, so OpenRouter refuses the request instead of routing it.</source>
        <translation>Die Datenrichtlinie Ihres Kontos schließt jeden Anbieter aus, der dieses Modell bereitstellt; deshalb lehnt OpenRouter die Anfrage ab, statt sie weiterzuleiten.</translation>
    </message>
    <message>
        <source>Open {link} and allow the providers this model needs, or pick a model with a compliant provider.</source>
        <translation>Öffnen Sie {link} und erlauben Sie die Anbieter, die dieses Modell braucht, oder wählen Sie ein Modell mit einem passenden Anbieter.</translation>
    </message>
    <message>
        <source>Check the model&apos;s provider list on openrouter.ai to see which providers train on or keep prompts.</source>
        <translation>Sehen Sie in der Anbieterliste des Modells auf openrouter.ai nach, welche Anbieter mit Prompts trainieren oder sie aufbewahren.</translation>
    </message>
    <message>
        <source>Your own gateway{hops} could not get an answer from the server behind it.</source>
        <translation>Ihr eigenes Gateway{hops} hat vom Server dahinter keine Antwort bekommen.</translation>
    </message>
    <message>
        <source>This message comes from the log of a gateway you or your team run, so the fix is in its settings or in the server it forwards to.</source>
        <translation>Diese Meldung stammt aus dem Protokoll eines Gateways, das Sie oder Ihr Team betreiben; die Lösung liegt also in seinen Einstellungen oder bei dem Server, an den es weiterleitet.</translation>
    </message>
    <message>
        <source>Check that the server the gateway forwards to is running and reachable from the gateway&apos;s machine.</source>
        <translation>Prüfen Sie, ob der Server, an den das Gateway weiterleitet, läuft und vom Rechner des Gateways aus erreichbar ist.</translation>
    </message>
    <message>
        <source>If the server is slow to answer (long model answers), raise the gateway&apos;s timeouts; for nginx see the example below.</source>
        <translation>Wenn der Server langsam antwortet (lange Antworten des Modells), erhöhen Sie die Zeitlimits des Gateways; für nginx siehe das Beispiel unten.</translation>
    </message>
    <message>
        <source>For a cloud provider behind nginx, also set proxy_ssl_server_name on so nginx sends the provider&apos;s name when connecting.</source>
        <translation>Für einen Cloud-Anbieter hinter nginx setzen Sie außerdem proxy_ssl_server_name on, damit nginx beim Verbinden den Namen des Anbieters sendet.</translation>
    </message>
    <message>
        <source>The proxy server your traffic goes through wants a user name and password.</source>
        <translation>Der Proxyserver, über den Ihr Verkehr läuft, will einen Benutzernamen und ein Passwort.</translation>
    </message>
    <message>
        <source>Company proxies often want a login before they let requests out to the internet, and your app did not send one.</source>
        <translation>Firmenproxys wollen oft eine Anmeldung, bevor sie Anfragen ins Internet lassen, und Ihre App hat keine gesendet.</translation>
    </message>
    <message>
        <source>Put the login into the proxy address your app uses: HTTPS_PROXY=http://user:password@proxy.example.com:8080 (ask IT for the details).</source>
        <translation>Tragen Sie die Anmeldung in die Proxy-Adresse ein, die Ihre App nutzt: HTTPS_PROXY=http://benutzer:passwort@proxy.example.com:8080 (die Einzelheiten kennt Ihre IT).</translation>
    </message>
    <message>
        <source>Some proxies accept only Windows logins (NTLM or Kerberos); then ask IT for an exception for the API&apos;s address.</source>
        <translation>Manche Proxys nehmen nur Windows-Anmeldungen an (NTLM oder Kerberos); bitten Sie dann die IT um eine Ausnahme für die Adresse der API.</translation>
    </message>
    <message>
        <source>The proxy server your traffic goes through did not let the request out.</source>
        <translation>Der Proxyserver, über den Ihr Verkehr läuft, hat die Anfrage nicht hinausgelassen.</translation>
    </message>
    <message>
        <source>The answer came from the proxy, not from the provider: it refused the request, or could not reach the API itself.</source>
        <translation>Die Antwort kam vom Proxy, nicht vom Anbieter: Er hat die Anfrage abgelehnt oder die API selbst nicht erreicht.</translation>
    </message>
    <message>
        <source>Ask whoever runs the proxy (usually your IT department) to allow the API&apos;s address.</source>
        <translation>Bitten Sie den Betreiber des Proxys (meist Ihre IT-Abteilung), die Adresse der API zu erlauben.</translation>
    </message>
    <message>
        <source>Check the proxy settings of your app (the HTTPS_PROXY and NO_PROXY environment variables, or the system proxy).</source>
        <translation>Prüfen Sie die Proxy-Einstellungen Ihrer App (die Umgebungsvariablen HTTPS_PROXY und NO_PROXY oder den System-Proxy).</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks with --proxy system to see what the proxy answers.</source>
        <translation>Starten Sie die Prüfungen von llmdoctor mit --proxy system, um zu sehen, was der Proxy antwortet.</translation>
    </message>
    <message>
        <source>Your account has run out of credit or quota.</source>
        <translation>Ihr Konto hat kein Guthaben oder Kontingent mehr.</translation>
    </message>
    <message>
        <source>The key and the connection are fine; the account needs credit, or a new billing period.</source>
        <translation>Schlüssel und Verbindung sind in Ordnung; das Konto braucht Guthaben oder einen neuen Abrechnungszeitraum.</translation>
    </message>
    <message>
        <source>Add credit or raise the limit on {link}.</source>
        <translation>Laden Sie Guthaben auf oder erhöhen Sie das Limit unter {link}.</translation>
    </message>
    <message>
        <source>Check that the key belongs to the account or project you topped up.</source>
        <translation>Prüfen Sie, ob der Schlüssel zu dem Konto oder Projekt gehört, das Sie aufgeladen haben.</translation>
    </message>
    <message>
        <source>The provider is limiting how fast your account can send requests.</source>
        <translation>Der Anbieter begrenzt, wie schnell Ihr Konto Anfragen senden kann.</translation>
    </message>
    <message>
        <source>It is a limit on your account, not a fault: once the time window passes, the same request goes through.</source>
        <translation>Das ist ein Limit Ihres Kontos, kein Fehler: Sobald das Zeitfenster vorbei ist, geht dieselbe Anfrage durch.</translation>
    </message>
    <message>
        <source>Wait {wait} before retrying, and retry with growing pauses.</source>
        <translation>Warten Sie {wait}, bevor Sie es erneut versuchen, und wiederholen Sie mit wachsenden Pausen.</translation>
    </message>
    <message>
        <source>Send fewer or smaller requests at once, or ask the provider for a higher limit.</source>
        <translation>Senden Sie weniger oder kleinere Anfragen gleichzeitig, oder bitten Sie den Anbieter um ein höheres Limit.</translation>
    </message>
    <message>
        <source>The answer did not arrive within the time your app allows.</source>
        <translation>Die Antwort kam nicht innerhalb der Zeit, die Ihre App erlaubt.</translation>
    </message>
    <message>
        <source>The request was sent, but the server took longer to answer than your app&apos;s timeout. Slow or overloaded model servers cause this, and so do very long answers.</source>
        <translation>Die Anfrage wurde gesendet, aber der Server hat länger für die Antwort gebraucht als das Zeitlimit Ihrer App. Langsame oder überlastete Modellserver verursachen das, ebenso sehr lange Antworten.</translation>
    </message>
    <message>
        <source>Raise the timeout in your app (the openai and anthropic SDKs allow 600 seconds by default; your app may use less).</source>
        <translation>Erhöhen Sie das Zeitlimit in Ihrer App (die SDKs von openai und anthropic erlauben standardmäßig 600 Sekunden; Ihre App nutzt vielleicht weniger).</translation>
    </message>
    <message>
        <source>Turn on streaming so the first words arrive early.</source>
        <translation>Schalten Sie Streaming ein, damit die ersten Wörter früh ankommen.</translation>
    </message>
    <message>
        <source>If short requests time out too, check the provider&apos;s status page and run the llmdoctor checks.</source>
        <translation>Wenn auch kurze Anfragen zu lange dauern, sehen Sie auf der Statusseite des Anbieters nach und starten Sie die Prüfungen von llmdoctor.</translation>
    </message>
    <message>
        <source>The model server on your computer did not answer in time.</source>
        <translation>Der Modellserver auf Ihrem Computer hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Local servers are slow when they load a large model or run without a GPU; the first request after a start can take minutes.</source>
        <translation>Lokale Server sind langsam, wenn sie ein großes Modell laden oder ohne GPU laufen; die erste Anfrage nach einem Start kann Minuten dauern.</translation>
    </message>
    <message>
        <source>Raise the timeout in your app, or try a smaller model.</source>
        <translation>Erhöhen Sie das Zeitlimit in Ihrer App, oder versuchen Sie ein kleineres Modell.</translation>
    </message>
    <message>
        <source>Watch the server&apos;s own log (for Ollama: ollama ps and its log) to see whether it is still loading the model.</source>
        <translation>Sehen Sie im Protokoll des Servers nach (bei Ollama: ollama ps und sein Protokoll), ob er das Modell noch lädt.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has expired or is not valid yet.</source>
        <translation>Das Zertifikat des Servers ist abgelaufen oder noch nicht gültig.</translation>
    </message>
    <message>
        <source>Certificates are valid between two dates. Either the server&apos;s owner forgot to renew it, or your computer&apos;s clock is wrong.</source>
        <translation>Zertifikate gelten zwischen zwei Daten. Entweder hat der Betreiber des Servers vergessen, es zu erneuern, oder die Uhr Ihres Computers geht falsch.</translation>
    </message>
    <message>
        <source>Check your computer&apos;s date and time.</source>
        <translation>Prüfen Sie Datum und Uhrzeit Ihres Computers.</translation>
    </message>
    <message>
        <source>If the date is right, tell the server&apos;s owner that the certificate has expired.</source>
        <translation>Wenn das Datum stimmt, sagen Sie dem Betreiber des Servers, dass das Zertifikat abgelaufen ist.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be set up.</source>
        <translation>Eine sichere Verbindung zum Server ließ sich nicht aufbauen.</translation>
    </message>
    <message>
        <source>The connection opened and then broke while the encryption was being agreed. A firewall, proxy or VPN that interferes with encrypted traffic is the usual cause; outdated system encryption libraries are another.</source>
        <translation>Die Verbindung ging auf und brach dann ab, während die Verschlüsselung ausgehandelt wurde. Meist greift eine Firewall, ein Proxy oder ein VPN in verschlüsselten Verkehr ein; veraltete Verschlüsselungsbibliotheken des Systems sind eine weitere Ursache.</translation>
    </message>
    <message>
        <source>Try another network (for example a phone hotspot) to rule out interference.</source>
        <translation>Versuchen Sie ein anderes Netzwerk (zum Beispiel einen Handy-Hotspot), um Eingriffe auszuschließen.</translation>
    </message>
    <message>
        <source>If you use a proxy, check that your app is configured for it.</source>
        <translation>Wenn Sie einen Proxy nutzen, prüfen Sie, ob Ihre App dafür eingerichtet ist.</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they show at which step the secure connection fails.</source>
        <translation>Starten Sie die Prüfungen von llmdoctor: Sie zeigen, bei welchem Schritt die sichere Verbindung scheitert.</translation>
    </message>
    <message>
        <source>The server showed a certificate for a different name than the one in your app&apos;s address.</source>
        <translation>Der Server hat ein Zertifikat für einen anderen Namen gezeigt als den in der Adresse Ihrer App.</translation>
    </message>
    <message>
        <source>This happens when the address uses an IP number or an old name instead of the provider&apos;s exact host name, or when something on your network answers in the server&apos;s place.</source>
        <translation>Das passiert, wenn die Adresse eine IP-Nummer oder einen alten Namen statt des genauen Hostnamens des Anbieters verwendet, oder wenn etwas in Ihrem Netzwerk an Stelle des Servers antwortet.</translation>
    </message>
    <message>
        <source>Use the exact host name from the provider&apos;s documentation, not an IP address.</source>
        <translation>Verwenden Sie den genauen Hostnamen aus der Dokumentation des Anbieters, keine IP-Adresse.</translation>
    </message>
    <message>
        <source>On a company network, ask IT whether traffic to the API is redirected.</source>
        <translation>Fragen Sie in einem Firmennetz die IT, ob Verkehr zur API umgeleitet wird.</translation>
    </message>
    <message>
        <source>Your computer did not trust the certificate it was shown for the server, so it refused the secure connection.</source>
        <translation>Ihr Computer hat dem Zertifikat, das ihm für den Server gezeigt wurde, nicht vertraut und die sichere Verbindung deshalb abgelehnt.</translation>
    </message>
    <message>
        <source>A cloud provider&apos;s certificate is always signed by a public authority. When it is not trusted, usually something on your side replaced it: antivirus that scans encrypted traffic, or a company proxy. For a server you run yourself, it means a self-made certificate.</source>
        <translation>Das Zertifikat eines Cloud-Anbieters ist immer von einer öffentlichen Stelle unterschrieben. Wenn ihm nicht vertraut wird, hat meist etwas auf Ihrer Seite es ersetzt: ein Virenschutz, der verschlüsselten Verkehr scannt, oder ein Firmenproxy. Bei einem Server, den Sie selbst betreiben, bedeutet es ein selbst erstelltes Zertifikat.</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they show who issued the certificate and whether it looks like an interception.</source>
        <translation>Starten Sie die Prüfungen von llmdoctor: Sie zeigen, wer das Zertifikat ausgestellt hat und ob es nach Mitlesen aussieht.</translation>
    </message>
    <message>
        <source>On a company network, ask IT for their root certificate (Python: set SSL_CERT_FILE or REQUESTS_CA_BUNDLE; Node.js: set NODE_EXTRA_CA_CERTS to that file).</source>
        <translation>Bitten Sie in einem Firmennetz die IT um ihr Stammzertifikat (Python: SSL_CERT_FILE oder REQUESTS_CA_BUNDLE setzen; Node.js: NODE_EXTRA_CA_CERTS auf diese Datei setzen).</translation>
    </message>
    <message>
        <source>Do not turn certificate checking off: it would also hide a real attack.</source>
        <translation>Schalten Sie die Zertifikatsprüfung nicht ab: Das würde auch einen echten Angriff verbergen.</translation>
    </message>
    <message>
        <source>Your app talks https to something that answers in plain http (or the other way round).</source>
        <translation>Ihre App spricht https mit etwas, das in einfachem http antwortet (oder umgekehrt).</translation>
    </message>
    <message>
        <source>The address most likely has the wrong scheme or port: cloud providers use https://, while model servers on your own computer usually use http://.</source>
        <translation>Wahrscheinlich hat die Adresse das falsche Schema oder den falschen Port: Cloud-Anbieter nutzen https://, Modellserver auf Ihrem eigenen Computer meist http://.</translation>
    </message>
    <message>
        <source>Check the start of the API address: https:// for cloud providers, http:// for Ollama, LM Studio, vLLM or llama.cpp on your computer.</source>
        <translation>Prüfen Sie den Anfang der API-Adresse: https:// für Cloud-Anbieter, http:// für Ollama, LM Studio, vLLM oder llama.cpp auf Ihrem Computer.</translation>
    </message>
    <message>
        <source>Check that the port belongs to the server you mean.</source>
        <translation>Prüfen Sie, ob der Port zu dem Server gehört, den Sie meinen.</translation>
    </message>
    <message>
        <source>llmdoctor cannot tell from this message alone what went wrong.</source>
        <translation>llmdoctor kann allein aus dieser Meldung nicht erkennen, was schiefgegangen ist.</translation>
    </message>
    <message>
        <source>The message does not name a cause or say which part of the connection failed, so llmdoctor will not guess.</source>
        <translation>Die Meldung nennt keine Ursache und sagt nicht, welcher Teil der Verbindung gescheitert ist; deshalb rät llmdoctor nicht.</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks with your provider and key: they test each step from your computer to the provider.</source>
        <translation>Starten Sie die Prüfungen von llmdoctor mit Ihrem Anbieter und Schlüssel: Sie testen jeden Schritt von Ihrem Computer bis zum Anbieter.</translation>
    </message>
    <message>
        <source>Look for a longer error message in your app&apos;s log or console (a traceback or an HTTP status), and paste that instead.</source>
        <translation>Suchen Sie im Protokoll oder in der Konsole Ihrer App nach einer längeren Fehlermeldung (einem Traceback oder einem HTTP-Status) und fügen Sie stattdessen diese ein.</translation>
    </message>
    <message>
        <source>The server behind a gateway closed the connection before it answered.</source>
        <translation>Der Server hinter einem Gateway hat die Verbindung geschlossen, bevor er geantwortet hat.</translation>
    </message>
    <message>
        <source>The request got through the gateway{hops}, but the server behind it hung up. That server is busy, restarting or crashed.</source>
        <translation>Die Anfrage ist durch das Gateway{hops} gekommen, aber der Server dahinter hat aufgelegt. Dieser Server ist ausgelastet, startet neu oder ist abgestürzt.</translation>
    </message>
    <message>
        <source>Try again in a few minutes.</source>
        <translation>Versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>Check the status page of the service behind the gateway.</source>
        <translation>Sehen Sie auf der Statusseite des Dienstes hinter dem Gateway nach.</translation>
    </message>
    <message>
        <source>The connection to the server was cut before a complete answer arrived.</source>
        <translation>Die Verbindung zum Server wurde getrennt, bevor eine vollständige Antwort ankam.</translation>
    </message>
    <message>
        <source>Usually the server or a load balancer at the provider closed the connection (busy, restarting, or an idle connection closed); a proxy, firewall or VPN on your side can do it too.</source>
        <translation>Meist hat der Server oder ein Load Balancer beim Anbieter die Verbindung geschlossen (ausgelastet, Neustart oder eine unbenutzte Verbindung geschlossen); ein Proxy, eine Firewall oder ein VPN auf Ihrer Seite kann es auch tun.</translation>
    </message>
    <message>
        <source>Try again: an SDK retry with growing pauses handles occasional cuts (examples below).</source>
        <translation>Versuchen Sie es erneut: Eine Wiederholung im SDK mit wachsenden Pausen fängt gelegentliche Abbrüche ab (Beispiele unten).</translation>
    </message>
    <message>
        <source>If it happens on every request, run the llmdoctor checks to see whether the cut happens on your side.</source>
        <translation>Wenn es bei jeder Anfrage passiert, starten Sie die Prüfungen von llmdoctor, um zu sehen, ob der Abbruch auf Ihrer Seite passiert.</translation>
    </message>
    <message>
        <source>A gateway at the provider lost its connection to the AI service behind it (HTTP {status}).</source>
        <translation>Ein Gateway beim Anbieter hat die Verbindung zum KI-Dienst dahinter verloren (HTTP {status}).</translation>
    </message>
    <message>
        <source>The message came from a gateway{hops}, not from your computer: your request got as far as the provider. Your computer, network and key are not the cause of this message; it is usually temporary.</source>
        <translation>Die Meldung kam von einem Gateway{hops}, nicht von Ihrem Computer: Ihre Anfrage ist bis zum Anbieter gekommen. Ihr Computer, Ihr Netzwerk und Ihr Schlüssel sind nicht die Ursache dieser Meldung; sie ist meist vorübergehend.</translation>
    </message>
    <message>
        <source>Check the provider&apos;s status page for an ongoing incident.</source>
        <translation>Sehen Sie auf der Statusseite des Anbieters nach einer laufenden Störung.</translation>
    </message>
    <message>
        <source>If the gateway is your own (an Envoy or Istio proxy you run in front of the API), check its logs and the service behind it.</source>
        <translation>Wenn das Gateway Ihr eigenes ist (ein Envoy- oder Istio-Proxy, den Sie vor der API betreiben), prüfen Sie seine Protokolle und den Dienst dahinter.</translation>
    </message>
    <message>
        <source>A firewall blocks port {port} to {host}.</source>
        <translation>Eine Firewall blockiert Port {port} zu {host}.</translation>
    </message>
    <message>
        <source>The path test reaches {host} hop by hop, so the way to it is open, yet connections to port {port} get no answer at all: something on the way drops exactly that traffic. That is a firewall, a company network filter, or security software on your computer.</source>
        <translation>Der Pfadtest erreicht {host} Hop für Hop, der Weg dorthin ist also offen, doch Verbindungen zu Port {port} bekommen gar keine Antwort: Etwas unterwegs verwirft genau diesen Verkehr. Das ist eine Firewall, ein Filter im Firmennetz oder Sicherheitssoftware auf Ihrem Computer.</translation>
    </message>
    <message>
        <source>Check firewall, antivirus or VPN software on your computer for a rule about {host} or port {port}.</source>
        <translation>Prüfen Sie Firewall, Virenschutz oder VPN-Software auf Ihrem Computer auf eine Regel zu {host} oder Port {port}.</translation>
    </message>
    <message>
        <source>On a company network, ask your network administrator to allow {host} port {port}.</source>
        <translation>Bitten Sie in einem Firmennetz Ihre Netzwerkverwaltung, {host} Port {port} zu erlauben.</translation>
    </message>
    <message>
        <source>Try from another network (for example a phone hotspot): if it works there, your network blocks the port.</source>
        <translation>Versuchen Sie es aus einem anderen Netzwerk (zum Beispiel über einen Handy-Hotspot): Klappt es dort, blockiert Ihr Netzwerk den Port.</translation>
    </message>
    <message>
        <source>A gateway in front of the API could not get an answer from the service behind it (HTTP {status}).</source>
        <translation>Ein Gateway vor der API hat vom Dienst dahinter keine Antwort bekommen (HTTP {status}).</translation>
    </message>
    <message>
        <source>The error came from a gateway or load balancer{hops}, not from your computer: it forwarded the request but received a bad or no answer from the AI service behind it. This is usually temporary and on the provider&apos;s side.</source>
        <translation>Der Fehler kam von einem Gateway oder Load Balancer{hops}, nicht von Ihrem Computer: Es hat die Anfrage weitergegeben, aber vom KI-Dienst dahinter eine fehlerhafte oder gar keine Antwort bekommen. Das ist meist vorübergehend und liegt beim Anbieter.</translation>
    </message>
    <message>
        <source>Wait a few minutes and try again.</source>
        <translation>Warten Sie ein paar Minuten und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>If it keeps failing for more than half an hour, contact the provider&apos;s support with the request id from the details.</source>
        <translation>Wenn es länger als eine halbe Stunde scheitert, wenden Sie sich mit der Anfrage-ID aus den Details an den Support des Anbieters.</translation>
    </message>
    <message>
        <source>A gateway in front of the API gave up waiting for the service behind it (HTTP {status}).</source>
        <translation>Ein Gateway vor der API hat es aufgegeben, auf den Dienst dahinter zu warten (HTTP {status}).</translation>
    </message>
    <message>
        <source>The gateway{hops} waited for the AI service and hit its time limit. Very long answers can do this; otherwise the service is overloaded.</source>
        <translation>Das Gateway{hops} hat auf den KI-Dienst gewartet und sein Zeitlimit erreicht. Sehr lange Antworten können das auslösen; sonst ist der Dienst überlastet.</translation>
    </message>
    <message>
        <source>Try again with a shorter request, or with streaming turned on.</source>
        <translation>Versuchen Sie es erneut mit einer kürzeren Anfrage oder mit eingeschaltetem Streaming.</translation>
    </message>
    <message>
        <source>Idle connections to {host} are closed after a short time.</source>
        <translation>Unbenutzte Verbindungen zu {host} werden nach kurzer Zeit geschlossen.</translation>
    </message>
    <message>
        <source>Apps keep connections open between requests to save time. When the server or a gateway closes an idle one just as the app reuses it, the app sees &quot;connection reset&quot; or &quot;upstream connect error or disconnect/reset before headers&quot; although nothing else is wrong.</source>
        <translation>Apps halten Verbindungen zwischen Anfragen offen, um Zeit zu sparen. Wenn der Server oder ein Gateway eine unbenutzte Verbindung genau dann schließt, wenn die App sie wiederverwendet, sieht die App „connection reset“ oder „upstream connect error or disconnect/reset before headers“, obwohl sonst nichts falsch ist.</translation>
    </message>
    <message>
        <source>Make your app drop pooled connections before they reach that idle time (Python httpx and the openai/anthropic libraries: httpx.Limits(keepalive_expiry=...); Node.js: the agent&apos;s keepAlive timeout; requests/urllib3 have no idle limit: retry once on a reset).</source>
        <translation>Lassen Sie Ihre App gepoolte Verbindungen verwerfen, bevor sie diese Leerlaufzeit erreichen (Python httpx und die Bibliotheken openai/anthropic: httpx.Limits(keepalive_expiry=...); Node.js: das keepAlive-Zeitlimit des Agents; requests/urllib3 haben kein Leerlauflimit: nach einem Reset einmal wiederholen).</translation>
    </message>
    <message>
        <source>If you run the gateway, keep its upstream keep-alive time shorter than the server&apos;s (nginx: keepalive_timeout in the upstream block; HAProxy: timeout http-keep-alive).</source>
        <translation>Wenn Sie das Gateway betreiben, halten Sie seine Keep-alive-Zeit zum Upstream kürzer als die des Servers (nginx: keepalive_timeout im upstream-Block; HAProxy: timeout http-keep-alive).</translation>
    </message>
    <message>
        <source>The provider has no model called &quot;{model}&quot;.</source>
        <translation>Der Anbieter hat kein Modell namens „{model}“.</translation>
    </message>
    <message>
        <source>The model name must match the provider&apos;s list exactly, including capitals and any prefix.{suggestion}</source>
        <translation>Der Modellname muss genau mit der Liste des Anbieters übereinstimmen, einschließlich Groß- und Kleinschreibung und eines Präfixes.{suggestion}</translation>
    </message>
    <message>
        <source>Copy the model name exactly as the provider&apos;s model list writes it.{suggestion}</source>
        <translation>Kopieren Sie den Modellnamen genau so, wie ihn die Modellliste des Anbieters schreibt.{suggestion}</translation>
    </message>
    <message>
        <source>Check that the model is available to your account.</source>
        <translation>Prüfen Sie, ob das Modell für Ihr Konto verfügbar ist.</translation>
    </message>
    <message>
        <source>Your computer has no working network connection, so it cannot look up &quot;{host}&quot; or reach any server.</source>
        <translation>Ihr Computer hat keine funktionierende Netzwerkverbindung; er kann „{host}“ nicht nachschlagen und keinen Server erreichen.</translation>
    </message>
    <message>
        <source>No network connection on this computer is up (no Wi-Fi, cable or mobile connection with an address). Nothing about the API address, the key or the provider can be tested until it is back.</source>
        <translation>Auf diesem Computer ist keine Netzwerkverbindung aktiv (kein WLAN, kein Kabel und keine Mobilfunkverbindung mit einer Adresse). Weder die API-Adresse noch der Schlüssel noch der Anbieter lassen sich prüfen, bis sie wieder da ist.</translation>
    </message>
    <message>
        <source>Turn on Wi-Fi or plug in the network cable, and turn off airplane mode.</source>
        <translation>Schalten Sie das WLAN ein oder stecken Sie das Netzwerkkabel ein, und schalten Sie den Flugmodus aus.</translation>
    </message>
    <message>
        <source>Open any website to check that the connection works, then run the checks again.</source>
        <translation>Öffnen Sie irgendeine Website, um zu prüfen, ob die Verbindung funktioniert, und starten Sie dann die Prüfungen erneut.</translation>
    </message>
    <message>
        <source>Your computer has no network route to {host}.</source>
        <translation>Ihr Computer hat keinen Netzwerkweg zu {host}.</translation>
    </message>
    <message>
        <source>The operating system reported that the network is unreachable: your computer is offline, or the address needs a kind of connection (often IPv6) your network does not offer.</source>
        <translation>Das Betriebssystem hat gemeldet, dass das Netzwerk nicht erreichbar ist: Ihr Computer ist offline, oder die Adresse braucht eine Art Verbindung (oft IPv6), die Ihr Netzwerk nicht bietet.</translation>
    </message>
    <message>
        <source>If only IPv6 fails, your programs normally fall back to IPv4; if yours does not, ask your network administrator or disable IPv6 for this connection.</source>
        <translation>Wenn nur IPv6 scheitert, weichen Ihre Programme normalerweise auf IPv4 aus; tut Ihres das nicht, fragen Sie Ihre Netzwerkverwaltung oder schalten Sie IPv6 für diese Verbindung ab.</translation>
    </message>
    <message>
        <source>&quot;{host}&quot; answers with a web page, not with the API.</source>
        <translation>„{host}“ antwortet mit einer Webseite, nicht mit der API.</translation>
    </message>
    <message>
        <source>Asked for its list of models, the address sent back a web page ({page_title}) instead of the API&apos;s answer. That happens when a Wi-Fi or hotel login page (a captive portal) catches every request, when the address points at a router or a web interface rather than the API, or when the port or path is wrong.</source>
        <translation>Nach ihrer Liste von Modellen gefragt, hat die Adresse eine Webseite ({page_title}) statt der Antwort der API geschickt. Das passiert, wenn eine WLAN- oder Hotel-Anmeldeseite (ein Captive Portal) jede Anfrage abfängt, wenn die Adresse auf einen Router oder eine Weboberfläche statt auf die API zeigt, oder wenn Port oder Pfad falsch sind.</translation>
    </message>
    <message>
        <source>Open {host} in a web browser: if it asks you to sign in to the Wi-Fi or accept terms, do that, then run the checks again.</source>
        <translation>Öffnen Sie {host} in einem Webbrowser: Wenn Sie sich dort im WLAN anmelden oder Bedingungen zustimmen sollen, tun Sie das und starten Sie dann die Prüfungen erneut.</translation>
    </message>
    <message>
        <source>Check the API address: it usually ends in /v1, and for a server on your own computer the port is the API&apos;s, not its web interface&apos;s.</source>
        <translation>Prüfen Sie die API-Adresse: Sie endet meist auf /v1, und bei einem Server auf Ihrem eigenen Computer ist der Port der der API, nicht der ihrer Weboberfläche.</translation>
    </message>
    <message>
        <source>If the page is your company&apos;s, ask your IT department whether the API is blocked on this network.</source>
        <translation>Wenn die Seite von Ihrer Firma stammt, fragen Sie Ihre IT-Abteilung, ob die API in diesem Netzwerk gesperrt ist.</translation>
    </message>
    <message>
        <source>Everything works: {host} answers normally.</source>
        <translation>Alles funktioniert: {host} antwortet normal.</translation>
    </message>
    <message>
        <source>Your computer found the server, connected, and the model answered a test request without an error.</source>
        <translation>Ihr Computer hat den Server gefunden, sich verbunden, und das Modell hat eine Testanfrage ohne Fehler beantwortet.</translation>
    </message>
    <message>
        <source>Your computer found the server, connected, and the API answered without an error: it listed its models.</source>
        <translation>Ihr Computer hat den Server gefunden, sich verbunden, und die API hat ohne Fehler geantwortet: Sie hat ihre Modelle aufgelistet.</translation>
    </message>
    <message>
        <source>Your computer found the server, connected, and the API answered without an error.</source>
        <translation>Ihr Computer hat den Server gefunden, sich verbunden, und die API hat ohne Fehler geantwortet.</translation>
    </message>
    <message>
        <source>If your app still fails, paste its exact error message into llmdoctor: the problem may be in the request the app sends (model name, request size) rather than the connection.</source>
        <translation>Wenn Ihre App trotzdem scheitert, fügen Sie ihre genaue Fehlermeldung in llmdoctor ein: Das Problem kann in der Anfrage liegen, die die App sendet (Modellname, Größe der Anfrage), statt in der Verbindung.</translation>
    </message>
    <message>
        <source>Problems that come and go are easier to catch with the monitor, which repeats the test and charts the results.</source>
        <translation>Probleme, die kommen und gehen, fängt man leichter mit der Überwachung, die den Test wiederholt und die Ergebnisse als Diagramm zeigt.</translation>
    </message>
    <message>
        <source>Your connection to {host} loses packets.</source>
        <translation>Ihre Verbindung zu {host} verliert Pakete.</translation>
    </message>
    <message>
        <source>The server answers, but some of the packets on the way are lost and have to be sent again, which costs a second or more each time. Apps then see requests that are slow now and then, time out, or fail with &quot;upstream connect error&quot; or &quot;connection reset&quot; at random.{where}</source>
        <translation>Der Server antwortet, aber einige Pakete gehen unterwegs verloren und müssen erneut gesendet werden, was jedes Mal eine Sekunde oder mehr kostet. Apps sehen dann Anfragen, die ab und zu langsam sind, zu lange dauern oder zufällig mit „upstream connect error“ oder „connection reset“ scheitern.{where}</translation>
    </message>
    <message>
        <source>On Wi-Fi, move closer to the access point or use a cable, and try again.</source>
        <translation>Gehen Sie im WLAN näher an den Zugangspunkt oder nutzen Sie ein Kabel, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Run the path test (llmdoctor path, or the box &quot;Also follow the route hop by hop&quot; under Advanced settings) to see at which hop the loss starts.</source>
        <translation>Starten Sie den Pfadtest (llmdoctor path, oder das Kästchen „Auch die Route Hop für Hop verfolgen“ unter den erweiterten Einstellungen), um zu sehen, bei welchem Hop der Verlust beginnt.</translation>
    </message>
    <message>
        <source>If the loss starts beyond your own router, send the path and this report to your internet provider or network administrator: they can fix it, the API provider cannot.</source>
        <translation>Wenn der Verlust hinter Ihrem eigenen Router beginnt, schicken Sie den Pfad und diesen Bericht an Ihren Internetanbieter oder Ihre Netzwerkverwaltung: Die können es beheben, der API-Anbieter nicht.</translation>
    </message>
    <message>
        <source>Until it is fixed, give your app retries with backoff and longer timeouts.</source>
        <translation>Bis es behoben ist, geben Sie Ihrer App Wiederholungen mit Backoff und längere Zeitlimits.</translation>
    </message>
    <message>
        <source>Your connection loses packets between your computer and your own router.</source>
        <translation>Ihre Verbindung verliert Pakete zwischen Ihrem Computer und Ihrem eigenen Router.</translation>
    </message>
    <message>
        <source>The path test shows the loss from the very first hop on: the link from your computer to your router (Wi-Fi or cable) drops packets, and everything behind it suffers. Apps see slow requests, timeouts and resets at random.{where}</source>
        <translation>Der Pfadtest zeigt den Verlust schon ab dem ersten Hop: Die Strecke von Ihrem Computer zum Router (WLAN oder Kabel) verliert Pakete, und alles dahinter leidet darunter. Apps sehen zufällig langsame Anfragen, Zeitüberschreitungen und abgebrochene Verbindungen.{where}</translation>
    </message>
    <message>
        <source>On Wi-Fi, move closer to the access point, switch to the 5 GHz band, or use a cable.</source>
        <translation>Gehen Sie im WLAN näher an den Zugangspunkt, wechseln Sie auf das 5-GHz-Band, oder nutzen Sie ein Kabel.</translation>
    </message>
    <message>
        <source>Restart your router; if you have another cable or network adapter, try it.</source>
        <translation>Starten Sie Ihren Router neu; wenn Sie ein anderes Kabel oder einen anderen Netzwerkadapter haben, probieren Sie diese aus.</translation>
    </message>
    <message>
        <source>Run the test again to see whether the loss is gone.</source>
        <translation>Starten Sie den Test erneut, um zu sehen, ob der Verlust weg ist.</translation>
    </message>
    <message>
        <source>Packets to {host} are lost at the API&apos;s own edge.</source>
        <translation>Pakete zu {host} gehen erst am Rand der API selbst verloren.</translation>
    </message>
    <message>
        <source>The path test shows no loss on the way; only the server&apos;s own answers go missing. The API&apos;s edge drops packets (or limits how many it answers), which makes calls slow or fail at random.{where}</source>
        <translation>Der Pfadtest zeigt unterwegs keinen Verlust; nur die eigenen Antworten des Servers fehlen. Der Rand der API verwirft Pakete (oder begrenzt, wie viele er beantwortet), was Aufrufe zufällig langsam macht oder scheitern lässt.{where}</translation>
    </message>
    <message>
        <source>Send this report, with its path, to the provider&apos;s support.</source>
        <translation>Schicken Sie diesen Bericht mit seinem Pfad an den Support des Anbieters.</translation>
    </message>
    <message>
        <source>The error you pasted is about your app&apos;s settings, and the settings llmdoctor tested work.</source>
        <translation>Der eingefügte Fehler betrifft die Einstellungen Ihrer App, und die Einstellungen, die llmdoctor geprüft hat, funktionieren.</translation>
    </message>
    <message>
        <source>{meaning} The API key, address and model given to llmdoctor passed the checks, so your app most likely sends something different: another key, another model name or another address.</source>
        <translation>{meaning} API-Schlüssel, Adresse und Modell, die llmdoctor bekommen hat, haben die Prüfungen bestanden; Ihre App sendet also wahrscheinlich etwas anderes: einen anderen Schlüssel, einen anderen Modellnamen oder eine andere Adresse.</translation>
    </message>
    <message>
        <source>Compare your app&apos;s API key, address and model name with the ones you gave llmdoctor, character for character.</source>
        <translation>Vergleichen Sie API-Schlüssel, Adresse und Modellnamen Ihrer App Zeichen für Zeichen mit denen, die Sie llmdoctor gegeben haben.</translation>
    </message>
    <message>
        <source>Look for an old key or a different model name in your app&apos;s environment variables or configuration file.</source>
        <translation>Suchen Sie in den Umgebungsvariablen oder der Konfigurationsdatei Ihrer App nach einem alten Schlüssel oder einem anderen Modellnamen.</translation>
    </message>
    <message>
        <source>The error you pasted points at your computer or network, but the connection works from here now.</source>
        <translation>Der eingefügte Fehler deutet auf Ihren Computer oder Ihr Netzwerk, aber von hier aus funktioniert die Verbindung jetzt.</translation>
    </message>
    <message>
        <source>{meaning} llmdoctor just reached the API without that problem, so it was temporary, or your app runs somewhere else (another computer, a container, a VPN or proxy setting llmdoctor does not use).</source>
        <translation>{meaning} llmdoctor hat die API gerade ohne dieses Problem erreicht; es war also vorübergehend, oder Ihre App läuft woanders (auf einem anderen Computer, in einem Container, mit einer VPN- oder Proxy-Einstellung, die llmdoctor nicht nutzt).</translation>
    </message>
    <message>
        <source>Run llmdoctor on the same machine, network and proxy settings as your app.</source>
        <translation>Starten Sie llmdoctor auf demselben Rechner, im selben Netzwerk und mit denselben Proxy-Einstellungen wie Ihre App.</translation>
    </message>
    <message>
        <source>If the error comes and goes, run the monitor to catch it in the act.</source>
        <translation>Wenn der Fehler kommt und geht, lassen Sie die Überwachung laufen, um ihn auf frischer Tat zu ertappen.</translation>
    </message>
    <message>
        <source>The error you pasted came from a gateway on your side of the connection, not from the provider.</source>
        <translation>Der eingefügte Fehler kam von einem Gateway auf Ihrer Seite der Verbindung, nicht vom Anbieter.</translation>
    </message>
    <message>
        <source>{meaning} Your requests go through {proxy}, and the message came from a gateway or proxy{hops} that sits in front of the provider. Such a gateway gives this answer when it cannot reach, or gives up waiting for, the server behind it; its settings and logs decide what happens.</source>
        <translation>{meaning} Ihre Anfragen laufen über {proxy}, und die Meldung kam von einem Gateway oder Proxy{hops}, das vor dem Anbieter sitzt. Ein solches Gateway gibt diese Antwort, wenn es den Server dahinter nicht erreicht oder es aufgibt, auf ihn zu warten; seine Einstellungen und Protokolle entscheiden, was passiert.</translation>
    </message>
    <message>
        <source>Look at the gateway&apos;s error log around the time of the error: it names the server it tried and why it failed.</source>
        <translation>Sehen Sie im Fehlerprotokoll des Gateways um die Zeit des Fehlers nach: Es nennt den Server, den es versucht hat, und warum es gescheitert ist.</translation>
    </message>
    <message>
        <source>If answers from the model take long, raise the gateway&apos;s read timeout (for nginx, proxy_read_timeout; example below).</source>
        <translation>Wenn Antworten des Modells lange dauern, erhöhen Sie das Lese-Zeitlimit des Gateways (bei nginx proxy_read_timeout; Beispiel unten).</translation>
    </message>
    <message>
        <source>To confirm, send one request straight to the provider without the gateway and compare.</source>
        <translation>Zur Bestätigung senden Sie eine Anfrage direkt an den Anbieter, ohne das Gateway, und vergleichen Sie.</translation>
    </message>
    <message>
        <source>Your connection to {host} works now; the error you pasted came from the provider&apos;s side.</source>
        <translation>Ihre Verbindung zu {host} funktioniert jetzt; der eingefügte Fehler kam von der Seite des Anbieters.</translation>
    </message>
    <message>
        <source>{meaning} Right now every step from your computer to the API works (name lookup, connection, secure connection, API request), so your computer, network and key are not what produced that message. Errors like it come and go with problems at the provider.</source>
        <translation>{meaning} Gerade funktioniert jeder Schritt von Ihrem Computer zur API (Namensabfrage, Verbindung, sichere Verbindung, API-Anfrage); Ihr Computer, Ihr Netzwerk und Ihr Schlüssel haben diese Meldung also nicht erzeugt. Solche Fehler kommen und gehen mit Problemen beim Anbieter.</translation>
    </message>
    <message>
        <source>Retry the request; if your app has no retry, add one with growing pauses (examples below).</source>
        <translation>Wiederholen Sie die Anfrage; wenn Ihre App keine Wiederholung hat, bauen Sie eine mit wachsenden Pausen ein (Beispiele unten).</translation>
    </message>
    <message>
        <source>Check the provider&apos;s status page for an incident around the time of the error.</source>
        <translation>Sehen Sie auf der Statusseite des Anbieters nach einer Störung um die Zeit des Fehlers.</translation>
    </message>
    <message>
        <source>If it keeps happening, run the monitor to record when it fails, and send that report to the provider&apos;s support.</source>
        <translation>Wenn es immer wieder passiert, lassen Sie die Überwachung aufzeichnen, wann es scheitert, und schicken Sie diesen Bericht an den Support des Anbieters.</translation>
    </message>
    <message>
        <source>Your key is valid but not allowed to do this (HTTP 403).</source>
        <translation>Ihr Schlüssel ist gültig, darf das aber nicht (HTTP 403).</translation>
    </message>
    <message>
        <source>The provider knows the key but refuses the request ({detail}). Common causes: the model is not enabled for your account or project, the key has restricted permissions, or the provider does not serve your country or region.</source>
        <translation>Der Anbieter kennt den Schlüssel, lehnt die Anfrage aber ab ({detail}). Häufige Ursachen: Das Modell ist für Ihr Konto oder Projekt nicht freigeschaltet, der Schlüssel hat eingeschränkte Rechte, oder der Anbieter bedient Ihr Land oder Ihre Region nicht.</translation>
    </message>
    <message>
        <source>Check the key&apos;s permissions and the project it belongs to on the provider&apos;s website.</source>
        <translation>Prüfen Sie auf der Website des Anbieters die Rechte des Schlüssels und das Projekt, zu dem er gehört.</translation>
    </message>
    <message>
        <source>Check whether the provider serves your region.</source>
        <translation>Prüfen Sie, ob der Anbieter Ihre Region bedient.</translation>
    </message>
    <message>
        <source>{provider} reports an outage: {incident}.</source>
        <translation>{provider} meldet eine Störung: {incident}.</translation>
    </message>
    <message>
        <source>Your requests get errors from the provider&apos;s side (HTTP {status}), and {provider}&apos;s own status page reports a problem with its API: {incident}.{incident_update} It is not your key, your settings or your network: there is nothing to fix on your side.</source>
        <translation>Ihre Anfragen bekommen Fehler von der Seite des Anbieters (HTTP {status}), und die eigene Statusseite von {provider} meldet ein Problem mit der API: {incident}.{incident_update} Es liegt nicht an Ihrem Schlüssel, Ihren Einstellungen oder Ihrem Netzwerk: Auf Ihrer Seite gibt es nichts zu beheben.</translation>
    </message>
    <message>
        <source>Wait for {provider} to fix it; follow the status page for updates: {page}</source>
        <translation>Warten Sie, bis {provider} es behebt; neue Meldungen finden Sie auf der Statusseite: {page}</translation>
    </message>
    <message>
        <source>Retry later with increasing pauses (the code below); requests sent during the outage may keep failing.</source>
        <translation>Versuchen Sie es später mit wachsenden Pausen erneut (der Code unten); Anfragen während der Störung können weiter scheitern.</translation>
    </message>
    <message>
        <source>If your app allows it, switch to another model or provider until the outage is over.</source>
        <translation>Wenn Ihre App es erlaubt, wechseln Sie zu einem anderen Modell oder Anbieter, bis die Störung vorbei ist.</translation>
    </message>
    <message>
        <source>{provider}&apos;s status page reports an outage: {incident}.</source>
        <translation>Die Statusseite von {provider} meldet eine Störung: {incident}.</translation>
    </message>
    <message>
        <source>{provider}&apos;s own status page reports a problem with its API: {incident}.{incident_update} Requests may fail until it is fixed.</source>
        <translation>Die eigene Statusseite von {provider} meldet ein Problem mit der API: {incident}.{incident_update} Anfragen können scheitern, bis es behoben ist.</translation>
    </message>
    <message>
        <source>Follow the status page for updates: {page}</source>
        <translation>Neue Meldungen finden Sie auf der Statusseite: {page}</translation>
    </message>
    <message>
        <source>The provider is overloaded right now (HTTP {status}).</source>
        <translation>Der Anbieter ist gerade überlastet (HTTP {status}).</translation>
    </message>
    <message>
        <source>The service is up but has more requests than it can handle, and turned this one away. It is not a problem with your key or your network.</source>
        <translation>Der Dienst läuft, hat aber mehr Anfragen, als er bewältigen kann, und hat diese abgewiesen. Es liegt nicht an Ihrem Schlüssel oder Ihrem Netzwerk.</translation>
    </message>
    <message>
        <source>Wait a minute and try again; retry with increasing pauses.</source>
        <translation>Warten Sie eine Minute und versuchen Sie es erneut; wiederholen Sie mit wachsenden Pausen.</translation>
    </message>
    <message>
        <source>If your app allows it, switch to another model or provider for now.</source>
        <translation>Wenn Ihre App es erlaubt, wechseln Sie vorerst zu einem anderen Modell oder Anbieter.</translation>
    </message>
    <message>
        <source>The proxy {proxy} did not let the request through.</source>
        <translation>Der Proxy {proxy} hat die Anfrage nicht durchgelassen.</translation>
    </message>
    <message>
        <source>Your traffic goes through a proxy, and the proxy refused or failed to forward it ({detail}). 407 means it wants a login; 403 means its rules forbid the destination; 502 or 503 mean it could not reach the server.</source>
        <translation>Ihr Verkehr läuft über einen Proxy, und der Proxy hat die Weiterleitung abgelehnt oder nicht geschafft ({detail}). 407 heißt, er will eine Anmeldung; 403 heißt, seine Regeln verbieten das Ziel; 502 oder 503 heißen, er konnte den Server nicht erreichen.</translation>
    </message>
    <message>
        <source>Ask whoever runs the proxy (usually your IT department) to allow {host} on port {port}.</source>
        <translation>Bitten Sie den Betreiber des Proxys (meist Ihre IT-Abteilung), {host} auf Port {port} zu erlauben.</translation>
    </message>
    <message>
        <source>If the proxy needs a login, add it to the proxy address: http://user:password@proxy:port.</source>
        <translation>Wenn der Proxy eine Anmeldung braucht, fügen Sie sie in die Proxy-Adresse ein: http://benutzer:passwort@proxy:port.</translation>
    </message>
    <message>
        <source>To see whether the proxy is the problem, try once without it (--proxy none) from a network that allows direct connections.</source>
        <translation>Um zu sehen, ob der Proxy das Problem ist, versuchen Sie es einmal ohne ihn (--proxy none) aus einem Netzwerk, das direkte Verbindungen erlaubt.</translation>
    </message>
    <message>
        <source>The provider refuses requests until the account is topped up or the quota resets ({detail}). Retrying will not help.</source>
        <translation>Der Anbieter lehnt Anfragen ab, bis das Konto aufgeladen ist oder das Kontingent zurückgesetzt wird ({detail}). Erneute Versuche helfen nicht.</translation>
    </message>
    <message>
        <source>Check the billing page of your provider account and add credit.</source>
        <translation>Sehen Sie auf der Abrechnungsseite Ihres Kontos beim Anbieter nach und laden Sie Guthaben auf.</translation>
    </message>
    <message>
        <source>Check whether a monthly spending limit has been reached.</source>
        <translation>Prüfen Sie, ob ein monatliches Ausgabenlimit erreicht ist.</translation>
    </message>
    <message>
        <source>The provider is limiting how fast you can send requests (HTTP 429).</source>
        <translation>Der Anbieter begrenzt, wie schnell Sie Anfragen senden können (HTTP 429).</translation>
    </message>
    <message>
        <source>Your account or key sent more requests or tokens than its limit allows in a time window ({detail}). Waiting helps.</source>
        <translation>Ihr Konto oder Schlüssel hat in einem Zeitfenster mehr Anfragen oder Tokens gesendet, als sein Limit erlaubt ({detail}). Warten hilft.</translation>
    </message>
    <message>
        <source>Wait {wait} (the time the provider asks for in its retry-after header), then try again.</source>
        <translation>Warten Sie {wait} (die Zeit, die der Anbieter in seinem Retry-After-Header verlangt), und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Wait the time the provider asks for (retry-after) and try again.</source>
        <translation>Warten Sie die Zeit ab, die der Anbieter verlangt (Retry-After), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Send fewer requests at once, or retry with increasing pauses.</source>
        <translation>Senden Sie weniger Anfragen gleichzeitig, oder wiederholen Sie sie mit wachsenden Pausen.</translation>
    </message>
    <message>
        <source>Ask the provider for a higher limit if you need it.</source>
        <translation>Bitten Sie den Anbieter um ein höheres Limit, wenn Sie es brauchen.</translation>
    </message>
    <message>
        <source>The API answered on the first attempt: there was nothing to wait for.</source>
        <translation>Die API hat beim ersten Versuch geantwortet: Es gab nichts abzuwarten.</translation>
    </message>
    <message>
        <source>One request to {host} worked right away (HTTP {status}). If your app failed a moment ago, the problem was short-lived or is in the app&apos;s own settings.</source>
        <translation>Eine Anfrage an {host} hat sofort funktioniert (HTTP {status}). Wenn Ihre App gerade eben gescheitert ist, war das Problem nur kurz oder liegt in den Einstellungen der App.</translation>
    </message>
    <message>
        <source>Try your app again now.</source>
        <translation>Versuchen Sie es jetzt noch einmal mit Ihrer App.</translation>
    </message>
    <message>
        <source>If it still fails, run the full diagnosis with the error message your app showed.</source>
        <translation>Wenn sie weiter scheitert, starten Sie die vollständige Diagnose mit der Fehlermeldung, die Ihre App gezeigt hat.</translation>
    </message>
    <message>
        <source>It worked on attempt {attempt}, after {waited} of waiting.</source>
        <translation>Versuch {attempt} hat funktioniert, nach {waited} Wartezeit.</translation>
    </message>
    <message>
        <source>The first {failed} failed ({failures}); then {host} answered normally. The failure was temporary, as most 5xx, 429 and connection errors are. Waiting and retrying, as done here, is the cure.</source>
        <translation>Gescheitert: {failed} ({failures}); dann hat {host} normal geantwortet. Der Fehler war vorübergehend, wie die meisten 5xx-, 429- und Verbindungsfehler. Warten und erneut versuchen, wie hier geschehen, ist die Lösung.</translation>
    </message>
    <message>
        <source>Make your app retry such errors with increasing pauses (the code below does it the way the official SDKs do).</source>
        <translation>Lassen Sie Ihre App solche Fehler mit wachsenden Pausen wiederholen (der Code unten macht es so wie die offiziellen SDKs).</translation>
    </message>
    <message>
        <source>If it happens often, check the provider&apos;s status page for a pattern, or watch it over time with the monitor.</source>
        <translation>Wenn es oft passiert, suchen Sie auf der Statusseite des Anbieters nach einem Muster, oder beobachten Sie es über längere Zeit mit der Überwachung.</translation>
    </message>
    <message>
        <source>Every attempt for {duration} failed: a wide outage is likely.</source>
        <translation>Jeder Versuch über {duration} ist gescheitert: Wahrscheinlich ist es eine größere Störung.</translation>
    </message>
    <message>
        <source>llmdoctor tried {attempts} times over {duration}, waiting between attempts as the official SDKs do, and every attempt failed ({failures}). A failure that lasts this long, on the provider&apos;s side of the connection, is seldom something on your computer: an outage at the provider or at a gateway in front of it is likely.</source>
        <translation>llmdoctor hat es {attempts}-mal über {duration} versucht, mit Pausen zwischen den Versuchen wie die offiziellen SDKs, und jeder Versuch ist gescheitert ({failures}). Ein so lange anhaltender Fehler auf der Seite des Anbieters liegt selten an Ihrem Computer: Wahrscheinlich gibt es eine Störung beim Anbieter oder bei einem Gateway davor.</translation>
    </message>
    <message>
        <source>Check the provider&apos;s status page, and search for others reporting it (X, Reddit).</source>
        <translation>Sehen Sie auf der Statusseite des Anbieters nach, und suchen Sie nach Meldungen anderer (X, Reddit).</translation>
    </message>
    <message>
        <source>Wait longer, then try again; your requests did not get through, so nothing was charged.</source>
        <translation>Warten Sie länger und versuchen Sie es dann erneut; Ihre Anfragen sind nicht durchgekommen, es wurde also nichts berechnet.</translation>
    </message>
    <message>
        <source>If it goes on, contact the provider&apos;s support with the request ids from the report.</source>
        <translation>Wenn es anhält, wenden Sie sich mit den Anfrage-IDs aus dem Bericht an den Support des Anbieters.</translation>
    </message>
    <message>
        <source>The server failed while handling the request (HTTP {status}).</source>
        <translation>Der Server ist beim Bearbeiten der Anfrage gescheitert (HTTP {status}).</translation>
    </message>
    <message>
        <source>The request arrived, but the server broke while handling it ({detail}). This is on the server&apos;s side.</source>
        <translation>Die Anfrage ist angekommen, aber der Server ist bei ihrer Bearbeitung abgestürzt ({detail}). Das liegt auf der Seite des Servers.</translation>
    </message>
    <message>
        <source>If it persists, contact the provider&apos;s support with the request id from the details.</source>
        <translation>Wenn es anhält, wenden Sie sich mit der Anfrage-ID aus den Details an den Support des Anbieters.</translation>
    </message>
    <message>
        <source>Streamed answers are held back on the way and arrive all at once.</source>
        <translation>Gestreamte Antworten werden unterwegs zurückgehalten und kommen alle auf einmal an.</translation>
    </message>
    <message>
        <source>The server streams its answer piece by piece, but a proxy or gateway between it and you collects the pieces and passes them on only when the answer is complete. Apps that show words as they come wait for the whole answer, and long answers can run into read timeouts.</source>
        <translation>Der Server streamt seine Antwort Stück für Stück, aber ein Proxy oder Gateway zwischen ihm und Ihnen sammelt die Stücke und gibt sie erst weiter, wenn die Antwort vollständig ist. Apps, die Wörter zeigen, sobald sie kommen, warten auf die ganze Antwort, und lange Antworten können in Lese-Zeitlimits laufen.</translation>
    </message>
    <message>
        <source>After changing nginx (proxy_buffering off; together with proxy_http_version 1.1;), reload it with &quot;nginx -s reload&quot; and run this check again: the pieces should then arrive one by one.</source>
        <translation>Laden Sie nginx nach der Änderung (proxy_buffering off; zusammen mit proxy_http_version 1.1;) mit „nginx -s reload“ neu und starten Sie diese Prüfung erneut: Die Stücke sollten dann einzeln ankommen.</translation>
    </message>
    <message>
        <source>A company proxy that scans downloads can hold answers back the same way: ask IT to exempt the API&apos;s address from scanning.</source>
        <translation>Ein Firmenproxy, der Downloads scannt, kann Antworten genauso zurückhalten: Bitten Sie die IT, die Adresse der API vom Scannen auszunehmen.</translation>
    </message>
    <message>
        <source>{host} did not answer in time.</source>
        <translation>{host} hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The connection was set up and the request sent, but llmdoctor waited {waited} for an answer that never came. The provider may be overloaded, or something between you and the server holds the request.</source>
        <translation>Die Verbindung stand und die Anfrage war gesendet, aber llmdoctor hat {waited} auf eine Antwort gewartet, die nie kam. Der Anbieter ist vielleicht überlastet, oder etwas zwischen Ihnen und dem Server hält die Anfrage fest.</translation>
    </message>
    <message>
        <source>The connection was set up, but the answer did not come within the time limit ({detail}). The provider may be overloaded, or something between you and the server holds the request.</source>
        <translation>Die Verbindung stand, aber die Antwort kam nicht innerhalb des Zeitlimits ({detail}). Der Anbieter ist vielleicht überlastet, oder etwas zwischen Ihnen und dem Server hält die Anfrage fest.</translation>
    </message>
    <message>
        <source>If answers are just slow, raise your app&apos;s timeout.</source>
        <translation>Wenn Antworten nur langsam sind, erhöhen Sie das Zeitlimit Ihrer App.</translation>
    </message>
    <message>
        <source>The certificate for {host} has expired or is not valid yet.</source>
        <translation>Das Zertifikat für {host} ist abgelaufen oder noch nicht gültig.</translation>
    </message>
    <message>
        <source>Certificates are valid only between two dates ({detail}). Either the server&apos;s owner forgot to renew it, or your computer&apos;s clock is wrong.</source>
        <translation>Zertifikate gelten nur zwischen zwei Daten ({detail}). Entweder hat der Betreiber des Servers vergessen, es zu erneuern, oder die Uhr Ihres Computers geht falsch.</translation>
    </message>
    <message>
        <source>Check that your computer&apos;s date and time are correct.</source>
        <translation>Prüfen Sie, ob Datum und Uhrzeit Ihres Computers stimmen.</translation>
    </message>
    <message>
        <source>A secure connection to {host} could not be set up.</source>
        <translation>Eine sichere Verbindung zu {host} ließ sich nicht aufbauen.</translation>
    </message>
    <message>
        <source>The connection opened, but the encryption handshake failed ({detail}). Causes: the server does not speak https on this port, a network device interferes, or your system&apos;s encryption settings are too old.</source>
        <translation>Die Verbindung stand, aber der Verschlüsselungs-Handshake ist gescheitert ({detail}). Ursachen: Der Server spricht auf diesem Port kein https, ein Netzwerkgerät greift ein, oder die Verschlüsselungseinstellungen Ihres Systems sind zu alt.</translation>
    </message>
    <message>
        <source>Check that the address starts with the right scheme: https:// for cloud providers, often http:// for a server on your own computer.</source>
        <translation>Prüfen Sie, ob die Adresse mit dem richtigen Schema beginnt: https:// für Cloud-Anbieter, oft http:// für einen Server auf Ihrem eigenen Computer.</translation>
    </message>
    <message>
        <source>Try another network to rule out interference.</source>
        <translation>Versuchen Sie ein anderes Netzwerk, um Eingriffe auszuschließen.</translation>
    </message>
    <message>
        <source>The certificate presented is not for &quot;{host}&quot;.</source>
        <translation>Das vorgelegte Zertifikat ist nicht für „{host}“.</translation>
    </message>
    <message>
        <source>The server proved it is a different site than the one in the address ({detail}). The address may be wrong (for example a numeric IP instead of the name), or something on your network answered in the server&apos;s place.</source>
        <translation>Der Server hat sich als eine andere Website ausgewiesen als die in der Adresse ({detail}). Vielleicht ist die Adresse falsch (etwa eine numerische IP statt des Namens), oder etwas in Ihrem Netzwerk hat an Stelle des Servers geantwortet.</translation>
    </message>
    <message>
        <source>On a company network, ask IT whether traffic to {host} is redirected.</source>
        <translation>Fragen Sie in einem Firmennetz die IT, ob Verkehr zu {host} umgeleitet wird.</translation>
    </message>
    <message>
        <source>The server at {host} port {port} does not use encryption: the address should start with http://.</source>
        <translation>Der Server unter {host} Port {port} verschlüsselt nicht: Die Adresse sollte mit http:// beginnen.</translation>
    </message>
    <message>
        <source>llmdoctor opened a secure (https) connection, and the server answered in plain, unencrypted HTTP. That is normal for a model server on your own computer or network (Ollama, LM Studio, vLLM, llama.cpp), and it means the address has the wrong beginning.</source>
        <translation>llmdoctor hat eine sichere (https-)Verbindung geöffnet, und der Server hat in einfachem, unverschlüsseltem HTTP geantwortet. Das ist normal für einen Modellserver auf Ihrem eigenen Computer oder in Ihrem Netzwerk (Ollama, LM Studio, vLLM, llama.cpp) und bedeutet, dass die Adresse falsch beginnt.</translation>
    </message>
    <message>
        <source>Change the start of the API address from https:// to http://, in llmdoctor and in your app.</source>
        <translation>Ändern Sie den Anfang der API-Adresse von https:// auf http://, in llmdoctor und in Ihrer App.</translation>
    </message>
    <message>
        <source>If the server should be reached over https, put it behind a proxy that adds encryption (for example nginx or Caddy).</source>
        <translation>Wenn der Server über https erreichbar sein soll, stellen Sie ihn hinter einen Proxy, der Verschlüsselung hinzufügt (zum Beispiel nginx oder Caddy).</translation>
    </message>
    <message>
        <source>Your computer does not trust the certificate presented for {host}.</source>
        <translation>Ihr Computer vertraut dem Zertifikat nicht, das für {host} vorgelegt wurde.</translation>
    </message>
    <message>
        <source>The secure connection was refused because the certificate is not signed by an authority your computer trusts ({detail}). On company networks, security software that inspects traffic often causes this; for a server you run yourself, it means a self-signed certificate.</source>
        <translation>Die sichere Verbindung wurde abgelehnt, weil das Zertifikat von keiner Stelle unterschrieben ist, der Ihr Computer vertraut ({detail}). In Firmennetzen verursacht das oft Sicherheitssoftware, die den Verkehr mitliest; bei einem Server, den Sie selbst betreiben, bedeutet es ein selbst signiertes Zertifikat.</translation>
    </message>
    <message>
        <source>If you are on a company network, ask IT for their root certificate and point llmdoctor at it with --ca-file.</source>
        <translation>Wenn Sie in einem Firmennetz sind, bitten Sie die IT um ihr Stammzertifikat und geben Sie es llmdoctor mit --ca-file an.</translation>
    </message>
    <message>
        <source>If this is your own server with a self-signed certificate, give its certificate with --ca-file, or use a certificate from a public authority.</source>
        <translation>Wenn es Ihr eigener Server mit einem selbst signierten Zertifikat ist, geben Sie sein Zertifikat mit --ca-file an, oder verwenden Sie ein Zertifikat einer öffentlichen Zertifizierungsstelle.</translation>
    </message>
    <message>
        <source>Never turn certificate checking off for a cloud provider: it would hide an interception.</source>
        <translation>Schalten Sie die Zertifikatsprüfung für einen Cloud-Anbieter nie ab: Sie würde ein Mitlesen verbergen.</translation>
    </message>
    <message>
        <source>Something on your network is opening the secure connection to {host}: security software or a company proxy.</source>
        <translation>Etwas in Ihrem Netzwerk öffnet die sichere Verbindung zu {host}: Sicherheitssoftware oder ein Firmenproxy.</translation>
    </message>
    <message>
        <source>The certificate your computer received for {host} was issued by &quot;{issuer}&quot;, which is not one of the public certificate authorities your system trusts. The real {host} always uses a certificate from a public authority, so a program or device between you and the provider (antivirus that scans encrypted traffic, or a company proxy) replaced it to look inside.</source>
        <translation>Das Zertifikat, das Ihr Computer für {host} bekommen hat, wurde von „{issuer}“ ausgestellt, und das ist keine der öffentlichen Zertifizierungsstellen, denen Ihr System vertraut. Der echte {host} nutzt immer ein Zertifikat einer öffentlichen Stelle; also hat ein Programm oder Gerät zwischen Ihnen und dem Anbieter (ein Virenschutz, der verschlüsselten Verkehr scannt, oder ein Firmenproxy) es ersetzt, um hineinzusehen.</translation>
    </message>
    <message>
        <source>On a company network, ask IT for their root certificate and give it to llmdoctor with --ca-file; your app needs it too (Python: set SSL_CERT_FILE or REQUESTS_CA_BUNDLE to the file; Node.js: set NODE_EXTRA_CA_CERTS).</source>
        <translation>Bitten Sie in einem Firmennetz die IT um ihr Stammzertifikat und geben Sie es llmdoctor mit --ca-file; Ihre App braucht es auch (Python: SSL_CERT_FILE oder REQUESTS_CA_BUNDLE auf die Datei setzen; Node.js: NODE_EXTRA_CA_CERTS setzen).</translation>
    </message>
    <message>
        <source>On your own computer, look in your antivirus settings for &quot;HTTPS scanning&quot;, &quot;encrypted connection scanning&quot; or &quot;web shield&quot;, and turn it off or add an exception for {host}.</source>
        <translation>Suchen Sie auf Ihrem eigenen Computer in den Einstellungen des Virenschutzes nach „HTTPS-Scan“, „Prüfung verschlüsselter Verbindungen“ oder „Web-Schutz“, und schalten Sie es aus oder fügen Sie eine Ausnahme für {host} hinzu.</translation>
    </message>
    <message>
        <source>Do not turn certificate checking off in your app: it would also hide a real attack.</source>
        <translation>Schalten Sie die Zertifikatsprüfung in Ihrer App nicht ab: Das würde auch einen echten Angriff verbergen.</translation>
    </message>
    <message>
        <source>llmdoctor could not tell what is wrong.</source>
        <translation>llmdoctor konnte nicht feststellen, was falsch ist.</translation>
    </message>
    <message>
        <source>The checks did not find a clear cause ({detail}).</source>
        <translation>Die Prüfungen haben keine klare Ursache gefunden ({detail}).</translation>
    </message>
    <message>
        <source>Run the checks again; if the problem comes and goes, use the monitor to catch it.</source>
        <translation>Starten Sie die Prüfungen erneut; wenn das Problem kommt und geht, fangen Sie es mit der Überwachung ein.</translation>
    </message>
    <message>
        <source>The connection to {host} was cut before any answer arrived.</source>
        <translation>Die Verbindung zu {host} wurde getrennt, bevor eine Antwort kam.</translation>
    </message>
    <message>
        <source>The request reached a server, but the connection was closed or reset before the first line of the answer ({detail}). This usually happens on the provider&apos;s side when a gateway loses the service behind it; a proxy or firewall on your side can do it too.</source>
        <translation>Die Anfrage hat einen Server erreicht, aber die Verbindung wurde vor der ersten Zeile der Antwort geschlossen oder zurückgesetzt ({detail}). Das passiert meist beim Anbieter, wenn ein Gateway den Dienst dahinter verliert; ein Proxy oder eine Firewall auf Ihrer Seite kann es auch tun.</translation>
    </message>
    <message>
        <source>Wait a few minutes and try again: this is often temporary.</source>
        <translation>Warten Sie ein paar Minuten und versuchen Sie es erneut: Das ist oft vorübergehend.</translation>
    </message>
    <message>
        <source>If you use your own proxy or gateway in front of the API, check its logs and timeouts.</source>
        <translation>Wenn Sie vor der API einen eigenen Proxy oder ein eigenes Gateway betreiben, prüfen Sie dessen Protokolle und Zeitlimits.</translation>
    </message>
    <message>
        <source>A gateway in front of the API lost its connection to the service behind it (HTTP {status}).</source>
        <translation>Ein Gateway vor der API hat die Verbindung zum Dienst dahinter verloren (HTTP {status}).</translation>
    </message>
    <message>
        <source>The answer came from a gateway{hops}, not from the AI service itself. It says &quot;upstream connect error or disconnect/reset before headers&quot;: the gateway forwarded your request, and the service behind it closed, reset or refused that connection before answering. Your computer, network and key are not the cause of this message.</source>
        <translation>Die Antwort kam von einem Gateway{hops}, nicht vom KI-Dienst selbst. Es meldet „upstream connect error or disconnect/reset before headers“: Das Gateway hat Ihre Anfrage weitergegeben, und der Dienst dahinter hat diese Verbindung geschlossen, zurückgesetzt oder abgelehnt, bevor er antwortete. Ihr Computer, Ihr Netzwerk und Ihr Schlüssel sind nicht die Ursache dieser Meldung.</translation>
    </message>
    <message>
        <source>Wait a few minutes and try again: this is usually a temporary problem on the provider&apos;s side.</source>
        <translation>Warten Sie ein paar Minuten und versuchen Sie es erneut: Das ist meist ein vorübergehendes Problem beim Anbieter.</translation>
    </message>
    <message>
        <source>If the gateway is your own (for example an Envoy or Istio proxy in front of the API), check its logs: the reset reason in the message says what happened.</source>
        <translation>Wenn das Gateway Ihr eigenes ist (zum Beispiel ein Envoy- oder Istio-Proxy vor der API), prüfen Sie seine Protokolle: Der Grund für das Zurücksetzen in der Meldung sagt, was passiert ist.</translation>
    </message>
    <message>
        <source>The connection through the proxy {proxy} was cut before any answer arrived.</source>
        <translation>Die Verbindung über den Proxy {proxy} wurde getrennt, bevor eine Antwort kam.</translation>
    </message>
    <message>
        <source>The request went through your proxy, and the connection closed before an answer came back ({detail}). The proxy, or the server behind it, dropped it.</source>
        <translation>Die Anfrage lief über Ihren Proxy, und die Verbindung wurde geschlossen, bevor eine Antwort zurückkam ({detail}). Der Proxy oder der Server dahinter hat sie fallen lassen.</translation>
    </message>
    <message>
        <source>Ask whoever runs the proxy to check its logs for {host}.</source>
        <translation>Bitten Sie den Betreiber des Proxys, seine Protokolle zu {host} zu prüfen.</translation>
    </message>
    <message>
        <source>Try again in a few minutes; if it persists, try without the proxy from a network that allows it.</source>
        <translation>Versuchen Sie es in ein paar Minuten erneut; hält es an, versuchen Sie es ohne den Proxy aus einem Netzwerk, das das erlaubt.</translation>
    </message>
    <message>
        <source>The connection to {host} was refused on the way.</source>
        <translation>Die Verbindung zu {host} wurde unterwegs abgewiesen.</translation>
    </message>
    <message>
        <source>A well-known provider&apos;s API accepts connections, so a firewall, a filtering network, or a wrong address from your DNS refused it instead.</source>
        <translation>Die API eines bekannten Anbieters nimmt Verbindungen an; abgewiesen hat sie also eine Firewall, ein filterndes Netz oder eine falsche Adresse aus Ihrem DNS.</translation>
    </message>
    <message>
        <source>Try another network (for example a phone hotspot), or with your VPN or proxy turned on or off.</source>
        <translation>Versuchen Sie es in einem anderen Netz (zum Beispiel über einen Handy-Hotspot) oder mit ein- bzw. ausgeschaltetem VPN oder Proxy.</translation>
    </message>
    <message>
        <source>Check that your app does not need a proxy on this network, and that {host} is not blocked by a firewall or security software.</source>
        <translation>Prüfen Sie, ob Ihre App in diesem Netz einen Proxy braucht und ob {host} von einer Firewall oder Sicherheitssoftware gesperrt wird.</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they show where the connection stops.</source>
        <translation>Führen Sie die Prüfungen von llmdoctor aus: Sie zeigen, wo die Verbindung endet.</translation>
    </message>
    <message>
        <source>The firewall in front of the API{hops} blocked your connection.</source>
        <translation>Die Firewall vor der API{hops} hat Ihre Verbindung gesperrt.</translation>
    </message>
    <message>
        <source>The provider never saw the request, so your key was not even checked.</source>
        <translation>Der Anbieter hat die Anfrage nie gesehen; Ihr Schlüssel wurde also gar nicht geprüft.</translation>
    </message>
    <message>
        <source>Turn off the VPN or proxy, or switch its exit to another place, and try again.</source>
        <translation>Schalten Sie VPN oder Proxy aus oder wählen Sie einen anderen Ausgangsort, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>If your app runs on a cloud server, try from another network to confirm.</source>
        <translation>Läuft Ihre App auf einem Cloud-Server, prüfen Sie es zur Bestätigung aus einem anderen Netz.</translation>
    </message>
    <message>
        <source>If it goes on, send the Ray ID or request id from the page to the provider&apos;s support.</source>
        <translation>Hält es an, senden Sie die Ray-ID oder Anfrage-ID von der Seite an den Support des Anbieters.</translation>
    </message>
    <message>
        <source>A web page answered where the API should.</source>
        <translation>Eine Webseite hat geantwortet, wo die API antworten sollte.</translation>
    </message>
    <message>
        <source>Usually the address points at a web interface rather than the API (check the path, often /v1), or a Wi-Fi login page catches every request.</source>
        <translation>Meist zeigt die Adresse auf eine Weboberfläche statt auf die API (prüfen Sie den Pfad, oft /v1), oder eine WLAN-Anmeldeseite fängt jede Anfrage ab.</translation>
    </message>
    <message>
        <source>Check the API address in your app against the provider&apos;s documentation: the path and the port.</source>
        <translation>Vergleichen Sie die API-Adresse in Ihrer App mit der Dokumentation des Anbieters: Pfad und Port.</translation>
    </message>
    <message>
        <source>Open the address in a web browser: if it asks you to sign in to the Wi-Fi or accept terms, do that and try again.</source>
        <translation>Öffnen Sie die Adresse in einem Webbrowser: Verlangt sie eine WLAN-Anmeldung oder die Zustimmung zu Bedingungen, erledigen Sie das und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they show what the address answers.</source>
        <translation>Führen Sie die Prüfungen von llmdoctor aus: Sie zeigen, was unter der Adresse antwortet.</translation>
    </message>
    <message>
        <source>The service says it is unavailable right now.</source>
        <translation>Der Dienst meldet, dass er gerade nicht verfügbar ist.</translation>
    </message>
    <message>
        <source>It answered, so your network and address are fine; nothing on your side causes this.</source>
        <translation>Er hat geantwortet, also sind Ihr Netz und die Adresse in Ordnung; nichts auf Ihrer Seite verursacht das.</translation>
    </message>
    <message>
        <source>Check the status page of the provider, or of the relay your app calls.</source>
        <translation>Sehen Sie auf der Statusseite des Anbieters nach, oder auf der des Vermittlers, den Ihre App aufruft.</translation>
    </message>
    <message>
        <source>Try again later, with growing pauses between retries.</source>
        <translation>Versuchen Sie es später erneut, mit wachsenden Pausen zwischen den Versuchen.</translation>
    </message>
    <message>
        <source>If it lasts, switch to another model or provider for now.</source>
        <translation>Dauert es an, wechseln Sie vorerst zu einem anderen Modell oder Anbieter.</translation>
    </message>
    <message>
        <source>The provider behind your router is limiting requests for this model.</source>
        <translation>Der Anbieter hinter Ihrem Vermittler begrenzt die Anfragen für dieses Modell.</translation>
    </message>
    <message>
        <source>Everyone using the model through the router shares that limit; it passes within a short while.</source>
        <translation>Alle, die das Modell über den Vermittler nutzen, teilen sich diese Grenze; sie vergeht nach kurzer Zeit.</translation>
    </message>
    <message>
        <source>Wait {wait} and retry with growing pauses.</source>
        <translation>Warten Sie {wait} und versuchen Sie es mit wachsenden Pausen erneut.</translation>
    </message>
    <message>
        <source>Pick another model or provider for now, or add your own key for that provider in the router&apos;s settings.</source>
        <translation>Wählen Sie vorerst ein anderes Modell oder einen anderen Anbieter, oder hinterlegen Sie in den Einstellungen des Vermittlers Ihren eigenen Schlüssel für diesen Anbieter.</translation>
    </message>
    <message>
        <source>The model server on your own computer failed while handling the request.</source>
        <translation>Der Modellserver auf Ihrem eigenen Computer ist bei der Bearbeitung der Anfrage gescheitert.</translation>
    </message>
    <message>
        <source>It runs on your side, so its own log says why: often the model could not be loaded, memory ran out, or something in between (a local proxy) could not reach it.</source>
        <translation>Er läuft auf Ihrer Seite, also sagt sein eigenes Protokoll, warum: oft ließ sich das Modell nicht laden, der Speicher reichte nicht, oder etwas dazwischen (ein lokaler Proxy) konnte ihn nicht erreichen.</translation>
    </message>
    <message>
        <source>Read the server&apos;s log (for Ollama, the output of &quot;ollama serve&quot; or its server.log).</source>
        <translation>Lesen Sie das Protokoll des Servers (bei Ollama die Ausgabe von „ollama serve“ oder dessen server.log).</translation>
    </message>
    <message>
        <source>Check that the model is downloaded and fits in the memory you have, then restart the server.</source>
        <translation>Prüfen Sie, ob das Modell heruntergeladen ist und in Ihren Speicher passt, und starten Sie den Server neu.</translation>
    </message>
    <message>
        <source>If a proxy is set on this computer, make sure local addresses bypass it (NO_PROXY=localhost,127.0.0.1).</source>
        <translation>Ist auf diesem Computer ein Proxy eingestellt, sorgen Sie dafür, dass lokale Adressen ihn umgehen (NO_PROXY=localhost,127.0.0.1).</translation>
    </message>
    <message>
        <source>The server refused the secure connection.</source>
        <translation>Der Server hat die sichere Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>Old client libraries that offer outdated protocol versions, and addresses that are not the API&apos;s own host, are the usual causes.</source>
        <translation>Die üblichen Ursachen sind alte Client-Bibliotheken, die veraltete Protokollversionen anbieten, und Adressen, die nicht der eigene Host der API sind.</translation>
    </message>
    <message>
        <source>Update your client library and its runtime (Python, Node.js, OpenSSL) so it offers current TLS versions.</source>
        <translation>Aktualisieren Sie Ihre Client-Bibliothek und ihre Laufzeit (Python, Node.js, OpenSSL), damit sie aktuelle TLS-Versionen anbietet.</translation>
    </message>
    <message>
        <source>Check that the address is the provider&apos;s API host: the name is sent in the handshake.</source>
        <translation>Prüfen Sie, ob die Adresse der API-Host des Anbieters ist: Der Name wird beim Verbindungsaufbau mitgesendet.</translation>
    </message>
    <message>
        <source>The connection was cut while it was being set up.</source>
        <translation>Die Verbindung wurde während des Aufbaus getrennt.</translation>
    </message>
    <message>
        <source>The server never received your request.</source>
        <translation>Der Server hat Ihre Anfrage nie erhalten.</translation>
    </message>
    <message>
        <source>If you use a VPN or proxy, try with it turned on, or off.</source>
        <translation>Nutzen Sie ein VPN oder einen Proxy, versuchen Sie es mit ein- bzw. ausgeschaltetem.</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they show at which step the connection breaks.</source>
        <translation>Führen Sie die Prüfungen von llmdoctor aus: Sie zeigen, bei welchem Schritt die Verbindung abbricht.</translation>
    </message>
    <message>
        <source>Your app could not connect to {host}.</source>
        <translation>Ihre App konnte keine Verbindung zu {host} herstellen.</translation>
    </message>
    <message>
        <source>{host} accepts connections from everywhere, so something between your computer and it stopped this one: your internet connection, a firewall, a proxy or the name lookup (DNS).</source>
        <translation>{host} nimmt Verbindungen von überall an, also hat etwas zwischen Ihrem Computer und diesem Server die Verbindung aufgehalten: Ihre Internetverbindung, eine Firewall, ein Proxy oder die Namensauflösung (DNS).</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they test each step from your computer to {host} and show where the connection stops.</source>
        <translation>Führen Sie die llmdoctor-Prüfungen aus: Sie testen jeden Schritt von Ihrem Computer bis {host} und zeigen, wo die Verbindung endet.</translation>
    </message>
    <message>
        <source>The model server on your computer did not accept the connection.</source>
        <translation>Der Modellserver auf Ihrem Computer hat die Verbindung nicht angenommen.</translation>
    </message>
    <message>
        <source>Your app tried to reach a model server running on this computer (Ollama, LM Studio, llama.cpp…), and nothing accepted the connection: the server is not started, or your app uses another port.</source>
        <translation>Ihre App wollte einen Modellserver auf diesem Computer erreichen (Ollama, LM Studio, llama.cpp …), aber nichts hat die Verbindung angenommen: Der Server ist nicht gestartet, oder Ihre App verwendet einen anderen Port.</translation>
    </message>
    <message>
        <source>Check which port it listens on (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080) and use that port in your app&apos;s address.</source>
        <translation>Prüfen Sie, auf welchem Port er lauscht (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080), und verwenden Sie diesen Port in der Adresse Ihrer App.</translation>
    </message>
    <message>
        <source>Your app could not reach the proxy it is set to use ({host}).</source>
        <translation>Ihre App konnte den Proxy, den sie verwenden soll, nicht erreichen ({host}).</translation>
    </message>
    <message>
        <source>The request never got as far as the provider: the proxy&apos;s name could not be looked up or it did not accept the connection. The proxy address in your app&apos;s settings is wrong, or the proxy is not running.</source>
        <translation>Die Anfrage ist nie beim Anbieter angekommen: Der Name des Proxys ließ sich nicht auflösen, oder er hat die Verbindung nicht angenommen. Die Proxy-Adresse in den Einstellungen Ihrer App ist falsch, oder der Proxy läuft nicht.</translation>
    </message>
    <message>
        <source>Check the proxy address in your app&apos;s settings and in the HTTPS_PROXY and HTTP_PROXY environment variables.</source>
        <translation>Prüfen Sie die Proxy-Adresse in den Einstellungen Ihrer App und in den Umgebungsvariablen HTTPS_PROXY und HTTP_PROXY.</translation>
    </message>
    <message>
        <source>If you do not need a proxy on this network, remove the setting and try again.</source>
        <translation>Wenn Sie in diesem Netzwerk keinen Proxy brauchen, entfernen Sie die Einstellung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks with --proxy none and with --proxy system to compare.</source>
        <translation>Führen Sie die llmdoctor-Prüfungen mit --proxy none und mit --proxy system aus, um zu vergleichen.</translation>
    </message>
    <message>
        <source>Your app is set to use a SOCKS proxy, but cannot speak to one.</source>
        <translation>Ihre App soll einen SOCKS-Proxy verwenden, kann aber nicht mit ihm sprechen.</translation>
    </message>
    <message>
        <source>For a Python app, install the SOCKS extra in the app&apos;s environment: pip install &quot;httpx[socks]&quot; (or &quot;requests[socks]&quot;), then restart the app.</source>
        <translation>Installieren Sie bei einer Python-App den SOCKS-Zusatz in der Umgebung der App: pip install &quot;httpx[socks]&quot; (oder &quot;requests[socks]&quot;), und starten Sie die App neu.</translation>
    </message>
    <message>
        <source>If you do not need that proxy, remove the socks5:// setting (the ALL_PROXY, HTTPS_PROXY or HTTP_PROXY environment variable, or the app&apos;s proxy option).</source>
        <translation>Wenn Sie diesen Proxy nicht brauchen, entfernen Sie die socks5://-Einstellung (die Umgebungsvariable ALL_PROXY, HTTPS_PROXY oder HTTP_PROXY oder die Proxy-Option der App).</translation>
    </message>
    <message>
        <source>The proxy setting starts with socks5:// (or socks4://), and the library your app uses needs an extra package for that. No request left your computer.</source>
        <translation>Die Proxy-Einstellung beginnt mit socks5:// (oder socks4://), und die Bibliothek Ihrer App braucht dafür ein Zusatzpaket. Keine Anfrage hat Ihren Computer verlassen.</translation>
    </message>
    <message>
        <source>The gateway or relay you send requests through is limiting how fast you can send.</source>
        <translation>Das Gateway oder der Vermittlungsdienst, über den Ihre Anfragen laufen, begrenzt, wie schnell Sie senden können.</translation>
    </message>
    <message>
        <source>The limit is the gateway&apos;s own (its share of the provider, or a setting of the gateway), not the provider&apos;s limit on your key.</source>
        <translation>Die Grenze setzt das Gateway selbst (sein Anteil beim Anbieter oder eine Einstellung des Gateways), nicht der Anbieter für Ihren Schlüssel.</translation>
    </message>
    <message>
        <source>Send fewer requests at once, or ask whoever runs the gateway (your team&apos;s LiteLLM, the relay service) for a higher limit or more upstream capacity.</source>
        <translation>Senden Sie weniger Anfragen gleichzeitig, oder bitten Sie den Betreiber des Gateways (das LiteLLM Ihres Teams, den Vermittlungsdienst) um eine höhere Grenze oder mehr Kapazität beim Anbieter.</translation>
    </message>
    <message>
        <source>The API address in your app&apos;s settings is not a complete web address.</source>
        <translation>Die API-Adresse in den Einstellungen Ihrer App ist keine vollständige Webadresse.</translation>
    </message>
    <message>
        <source>The app never sent the request: the address lacks its http:// or https:// beginning, or is malformed.</source>
        <translation>Die App hat die Anfrage nie gesendet: Der Adresse fehlt der Anfang http:// oder https://, oder sie ist fehlerhaft.</translation>
    </message>
    <message>
        <source>Write the address in full, for example https://api.openai.com/v1 (or http://localhost:11434/v1 for a server on this computer).</source>
        <translation>Schreiben Sie die Adresse vollständig, zum Beispiel https://api.openai.com/v1 (oder http://localhost:11434/v1 für einen Server auf diesem Computer).</translation>
    </message>
    <message>
        <source>Check the setting for stray spaces or quotes around the address.</source>
        <translation>Prüfen Sie die Einstellung auf überzählige Leerzeichen oder Anführungszeichen um die Adresse.</translation>
    </message>
    <message>
        <source>The key in your app&apos;s settings has extra characters around it.</source>
        <translation>Der Schlüssel in den Einstellungen Ihrer App hat überzählige Zeichen.</translation>
    </message>
    <message>
        <source>That usually comes from copying the key with the line after it, or from quotes around it in a settings file; the key itself may be fine.</source>
        <translation>Das kommt meist daher, dass der Schlüssel mit der Zeile danach kopiert wurde oder in einer Einstellungsdatei in Anführungszeichen steht; der Schlüssel selbst kann in Ordnung sein.</translation>
    </message>
    <message>
        <source>Copy the key again from the provider&apos;s key page and paste it without spaces, line breaks or quotes.</source>
        <translation>Kopieren Sie den Schlüssel erneut von der Schlüsselseite des Anbieters und fügen Sie ihn ohne Leerzeichen, Zeilenumbrüche oder Anführungszeichen ein.</translation>
    </message>
    <message>
        <source>If the key comes from an environment variable or a file, remove the line break or quotes at its end.</source>
        <translation>Wenn der Schlüssel aus einer Umgebungsvariablen oder einer Datei kommt, entfernen Sie den Zeilenumbruch oder die Anführungszeichen an seinem Ende.</translation>
    </message>
    <message>
        <source>Ollama refused a request that came from an app or web page it does not allow.</source>
        <translation>Ollama hat eine Anfrage von einer App oder Webseite abgelehnt, die es nicht zulässt.</translation>
    </message>
    <message>
        <source>Ollama only answers requests from the origins it is set to allow; a browser extension, a web app or a desktop app like Obsidian needs its origin added.</source>
        <translation>Ollama beantwortet nur Anfragen von zugelassenen Herkünften (Origins); eine Browsererweiterung, eine Web-App oder eine Desktop-App wie Obsidian muss ihre Herkunft hinzufügen lassen.</translation>
    </message>
    <message>
        <source>Set OLLAMA_ORIGINS for the Ollama server (for example OLLAMA_ORIGINS=* or the app&apos;s origin) and restart Ollama.</source>
        <translation>Setzen Sie OLLAMA_ORIGINS für den Ollama-Server (zum Beispiel OLLAMA_ORIGINS=* oder die Herkunft der App) und starten Sie Ollama neu.</translation>
    </message>
    <message>
        <source>On a Mac or Windows, set it where Ollama&apos;s service reads its environment, then quit and start Ollama again.</source>
        <translation>Unter macOS oder Windows setzen Sie die Variable dort, wo der Ollama-Dienst seine Umgebung liest, und beenden und starten Sie Ollama dann neu.</translation>
    </message>
    <message>
        <source>The gateway you send requests through has used up the budget it allows your key.</source>
        <translation>Das Gateway, über das Ihre Anfragen laufen, hat das Budget aufgebraucht, das es Ihrem Schlüssel zugesteht.</translation>
    </message>
    <message>
        <source>The budget is a setting of the gateway (your team&apos;s LiteLLM or a relay service), not of your account with the provider, so paying the provider does not lift it.</source>
        <translation>Das Budget ist eine Einstellung des Gateways (das LiteLLM Ihres Teams oder ein Vermittlungsdienst), nicht Ihres Kontos beim Anbieter; eine Zahlung an den Anbieter hebt es deshalb nicht auf.</translation>
    </message>
    <message>
        <source>Ask whoever runs the gateway to raise the budget of your key or team, or wait until its budget period starts again.</source>
        <translation>Bitten Sie den Betreiber des Gateways, das Budget Ihres Schlüssels oder Teams zu erhöhen, oder warten Sie, bis der nächste Budgetzeitraum beginnt.</translation>
    </message>
    <message>
        <source>Check the gateway&apos;s dashboard for how much of the budget each key has spent.</source>
        <translation>Sehen Sie im Dashboard des Gateways nach, wie viel vom Budget jeder Schlüssel verbraucht hat.</translation>
    </message>
    <message>
        <source>The connection was refused before your app got an answer.</source>
        <translation>Die Verbindung wurde abgewiesen, bevor Ihre App eine Antwort bekam.</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks with your provider: they show where the connection stops.</source>
        <translation>Führen Sie die llmdoctor-Prüfungen mit Ihrem Anbieter aus: Sie zeigen, wo die Verbindung abbricht.</translation>
    </message>
    <message>
        <source>The message names no address, and this app connects to its provider&apos;s hosted API unless set otherwise. Hosted APIs accept connections, so a firewall, security software, a VPN or a proxy setting on the way probably refused it.</source>
        <translation>Die Meldung nennt keine Adresse, und diese App verbindet sich, wenn nicht anders eingestellt, mit der gehosteten API ihres Anbieters. Gehostete APIs nehmen Verbindungen an, also hat vermutlich eine Firewall, Sicherheitssoftware, ein VPN oder eine Proxy-Einstellung unterwegs sie abgewiesen.</translation>
    </message>
    <message>
        <source>The request timed out.</source>
        <translation>Bei der Anfrage ist die Zeit abgelaufen.</translation>
    </message>
    <message>
        <source>Most such waits end at the server, which was too slow to answer. The checks tell which step is slow.</source>
        <translation>Meist endet ein solches Warten beim Server, der zu langsam geantwortet hat. Die Prüfungen zeigen, welcher Schritt langsam ist.</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they time each step (name lookup, connection, secure connection, answer) and show which one is slow.</source>
        <translation>Führen Sie die llmdoctor-Prüfungen aus: Sie messen jeden Schritt (Namensauflösung, Verbindung, sichere Verbindung, Antwort) und zeigen, welcher langsam ist.</translation>
    </message>
    <message>
        <source>If only long requests time out, raise the timeout in your app or turn on streaming.</source>
        <translation>Wenn nur lange Anfragen abbrechen, erhöhen Sie das Zeitlimit in Ihrer App oder schalten Sie Streaming ein.</translation>
    </message>
    <message>
        <source>Check the address and port in your app against where the server really runs.</source>
        <translation>Vergleichen Sie Adresse und Port in Ihrer App mit dem Ort, an dem der Server wirklich läuft.</translation>
    </message>
    <message>
        <source>Make sure the server is started there and accepts connections from other machines.</source>
        <translation>Stellen Sie sicher, dass der Server dort gestartet ist und Verbindungen von anderen Rechnern annimmt.</translation>
    </message>
    <message>
        <source>Run the llmdoctor checks against that address: they show where the connection stops.</source>
        <translation>Führen Sie die Prüfungen von llmdoctor mit dieser Adresse aus: Sie zeigen, wo die Verbindung abbricht.</translation>
    </message>
    <message>
        <source>The model provider behind the router failed this request.</source>
        <translation>Der Modellanbieter hinter dem Router hat diese Anfrage nicht bearbeiten können.</translation>
    </message>
    <message>
        <source>The router (such as OpenRouter) passed your request on, and the provider serving the model answered with an error it did not explain.</source>
        <translation>Der Router (etwa OpenRouter) hat Ihre Anfrage weitergegeben, und der Anbieter des Modells antwortete mit einem Fehler, den er nicht erklärte.</translation>
    </message>
    <message>
        <source>Try again in a minute, or pick another provider for this model in the router&apos;s settings.</source>
        <translation>Versuchen Sie es in einer Minute erneut, oder wählen Sie in den Einstellungen des Routers einen anderen Anbieter für dieses Modell.</translation>
    </message>
    <message>
        <source>If it keeps failing, check the router&apos;s status page and the model&apos;s page for provider problems.</source>
        <translation>Schlägt es weiter fehl, sehen Sie auf der Statusseite des Routers und der Seite des Modells nach Problemen der Anbieter.</translation>
    </message>
    <message>
        <source>The address {host} was set in your app; it is not a hosted provider&apos;s. The server there is not running, the address or port is wrong, or this computer cannot reach that machine.</source>
        <translation>Die Adresse {host} ist in Ihrer App eingestellt und gehört keinem gehosteten Anbieter. Der Server dort läuft nicht, Adresse oder Port sind falsch, oder dieser Computer erreicht jenen Rechner nicht.</translation>
    </message>
    <message>
        <source>Your plan does not include this.</source>
        <translation>Ihr Tarif enthält dies nicht.</translation>
    </message>
    <message>
        <source>The service answered, so the connection works; only the plan stands in the way.</source>
        <translation>Der Dienst hat geantwortet, die Verbindung funktioniert also; nur der Tarif steht im Weg.</translation>
    </message>
    <message>
        <source>Open {link} and check which plan includes what your app asked for.</source>
        <translation>Öffnen Sie {link} und prüfen Sie, welcher Tarif enthält, was Ihre App angefragt hat.</translation>
    </message>
    <message>
        <source>Or choose a model or tool that your current plan includes.</source>
        <translation>Oder wählen Sie ein Modell oder Werkzeug, das Ihr jetziger Tarif enthält.</translation>
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
    <message>
        <source>gives up in %1 s</source>
        <translation>gibt in %1 s auf</translation>
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
    <message>
        <source>Still running: %1 Gives up in %2 s.</source>
        <translation>Läuft noch: %1 Gibt in %2 s auf.</translation>
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
    <message>
        <source>yes</source>
        <comment>lowercase phase names in sentences</comment>
        <extracomment>&quot;yes&quot; where a phase name (&quot;Connecting&quot;) is lowercased inside a sentence, &quot;no&quot; where not</extracomment>
        <translation>no</translation>
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
    <message>
        <source>Show the &amp;models…</source>
        <translation>Modelle &amp;anzeigen …</translation>
    </message>
    <message>
        <source>Show the models this provider offers</source>
        <translation>Die Modelle dieses Anbieters anzeigen</translation>
    </message>
    <message>
        <source>The models the provider listed during the checks; choosing one puts it in the model field on the first page.</source>
        <translation>Die Modelle, die der Anbieter bei den Prüfungen aufgelistet hat; ein gewähltes kommt ins Modellfeld auf der ersten Seite.</translation>
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
    <message>
        <source>Run the checks a&amp;gain</source>
        <translation>Prüfungen &amp;noch einmal starten</translation>
    </message>
    <message>
        <source>Run the checks again</source>
        <translation>Prüfungen noch einmal starten</translation>
    </message>
    <message>
        <source>Goes back to the checks and runs them all again, now that the API answers.</source>
        <translation>Geht zurück zu den Prüfungen und startet sie alle noch einmal, jetzt, da die API antwortet.</translation>
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
    <message>
        <source>Type the API address first.</source>
        <translation>Geben Sie zuerst die API-Adresse ein.</translation>
    </message>
    <message>
        <source>Correct the API address first (the red line under it says how).</source>
        <translation>Korrigieren Sie zuerst die API-Adresse (die rote Zeile darunter sagt, wie).</translation>
    </message>
    <message>
        <source>Type the proxy address first, or choose another proxy setting.</source>
        <translation>Geben Sie zuerst die Proxy-Adresse ein oder wählen Sie eine andere Proxy-Einstellung.</translation>
    </message>
    <message>
        <source>Correct the proxy address first (under Advanced settings).</source>
        <translation>Korrigieren Sie zuerst die Proxy-Adresse (unter „Erweiterte Einstellungen“).</translation>
    </message>
    <message>
        <source>Recognised from the address: another OpenAI-compatible server.</source>
        <translation>An der Adresse erkannt: ein anderer OpenAI-kompatibler Server.</translation>
    </message>
    <message>
        <source>Recognised from the address: %1.</source>
        <translation>An der Adresse erkannt: %1.</translation>
    </message>
    <message>
        <source>Recognised from the key: %1.</source>
        <translation>Am Schlüssel erkannt: %1.</translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::TermHelp</name>
    <message>
        <source>What the words mean</source>
        <translation>Was die Begriffe bedeuten</translation>
    </message>
</context>
</TS>
