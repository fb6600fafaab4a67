<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Certainty</name>
    <message>
        <source>Fairly sure: a second, independent reading of the message agrees. Readings like this were right about 9 times in 10 on messages llmdoctor had never seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sure: a second, independent reading of the message points to another cause. Readings like this were wrong up to 4 times in 10 on messages llmdoctor had never seen; the checks will tell.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>No certificate could be read from &quot;%1&quot;: the file must hold certificates in text (PEM) form, starting with -----BEGIN CERTIFICATE-----.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked, because an earlier step did not succeed: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the whole diagnosis ran out of time (%1 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does your connection lose packets?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: connections go to your proxy, so their timing says nothing about the way to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: the server&apos;s address is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: the server runs on this computer, with no network in between.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1 connections in a row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough connections succeeded to tell (%1 of %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your connection loses packets: %1 of %2 connections to the server had to be retried after about a second, the mark of a lost packet (about %3% of packets lost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No packet was lost: %1 connections in a row each took about %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where on the way are packets lost?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: it takes about %1 seconds, so it only runs when you ask for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: the server&apos;s address is not known (it is reached through a proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following the route to the server, hop by hop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route could not be followed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hops to the server. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hops followed; the server itself does not answer such probes (many do not). %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its name could not be looked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be reached from this network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its secure connection could not be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy did not pass the request on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does the provider report a problem?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server on your own computer or network has no public status page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No public status page is known for this service (give one with --status-url). You can see whether others report problems with it on X or Reddit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s status page only shows in a web browser: open %2 to see whether it reports a problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address is not %1&apos;s own, so %1&apos;s status page may not be about it; open %2 if you use %1 behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the status page %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it kept sending llmdoctor to other addresses (more than %1 redirects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it redirected from https to an insecure address (%1), which llmdoctor does not follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it answered HTTP %1 instead of the status data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its answer is far too large (over %1 MB) to be status data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it gave no status data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s status page could not be read: %2. Open it yourself (%3), or see whether others report problems on X or Reddit. The other checks are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s status page reports an outage that affects its API: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s status page reports trouble with its API: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s status page reports a problem that may affect its API: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is doing maintenance right now: &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s status page reports a problem (&quot;%2&quot;), but not with the parts that answer API calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s status page was read, but its overall state (&quot;%2&quot;) is not one llmdoctor knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s status page reports no problem%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do streamed answers arrive word by word?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: a streamed test answer may cost a fraction of a cent, so it only runs when you ask for the test request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model was named, so no streamed answer was asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the model is not in the server&apos;s list (see the model check).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking for a short streamed answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something on the way (a proxy or gateway)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something on the way (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The streamed answer started, then stopped arriving after %1 pieces: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The streamed request got no answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The streamed answer never ended: after %1 pieces and %2 bytes llmdoctor stopped reading. A short answer must end; the server, or %3, is broken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer came in one piece, not as a stream (its type is &quot;%1&quot;): the server, or %2, ignores the request to stream. Apps that show words as they come will wait for the whole answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server said it would stream, but sent no pieces of an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer arrived all at once after %1 instead of word by word: %2 holds streamed answers back until they are complete. If it is your nginx, add &quot;proxy_buffering off;&quot; to the API&apos;s location, or have the server behind it send the header &quot;X-Accel-Buffering: no&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The streamed answer arrived in %1, too quickly to tell whether it came word by word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer streams: the first words came after %1, then a piece about every %2 (%3 pieces in %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed by the other side after %1 idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed or reset when reused (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer when reused (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does the server keep idle connections open?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: it takes up to 15 seconds, so it only runs when you ask for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reusing one connection after longer and longer pauses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy, or the server behind it,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server, or a gateway in front of it,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server or a gateway in front of it (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection could not be tested: the first request failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closes the connection after every answer, so no app can reuse one that went stale (each request pays for a new connection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closes a connection after about %2 without traffic. An app that keeps connections open longer than that and reuses one just as it is closed gets &quot;connection reset&quot; or &quot;disconnect/reset before headers&quot;: set its idle limit for pooled connections below %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection left idle for %1 was dropped without any notice (after %2 it still worked): an app that reuses such a connection gets &quot;connection reset&quot; or &quot;disconnect/reset before headers&quot;. Set its idle limit for pooled connections below %2, and retry once on a reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection still worked after being idle for %1%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the longest pause that fitted in the time limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, the longest pause tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered that nothing is listening on port %2 (connection refused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not respond on port %2: the connection attempt timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer has no route to %1 (network unreachable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s name could not be looked up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not signed by an authority your computer trusts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate has expired or is not valid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is for a different name than %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection could not be set up (TLS handshake failed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy did not let the connection through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed in the middle of the server&apos;s answer (HTTP %1; %2 bytes of it arrived).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed before the server sent any answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer is not valid HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can your computer find the server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already a numeric (IP) address: no lookup needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer could not look up %1: it has no working network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer could not find %1: the name does not exist.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer could not look up %1: the name lookup service failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1 (%2 address) in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1 (%2 addresses) in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can your computer reach the server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 port %2 over %3, but not over %4. Most programs fall back by themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 port %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is the connection private and the certificate valid?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address starts with http://, so the connection is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up a secure connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection set up (%1); the certificate for %2 is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection set up (%1); the certificate for %2 is valid until %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, issued by %2, valid %3 to %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does the API answer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 for its list of models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 and then kept sending: the answer had not ended after %3 bytes, so llmdoctor stopped reading. The server (or a gateway in front of it) is broken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with a web page, not with the API&apos;s list of models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with a web page (&quot;%2&quot;), not with the API&apos;s list of models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address moved: %1 sends requests on to %2 (HTTP %3). llmdoctor does not follow it with your key; use the new address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API answered (HTTP %1), so the address is right; what it said about your key or account is the next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does the model you named exist?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model name was given, so there is nothing to look up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of models could not be read, so the name could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s list of models is empty or unreadable, so &quot;%1&quot; could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is one of the %2 models this server offers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server has no model called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server has no model called &quot;%1&quot;: model names are case-sensitive, and it is called &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server has no model called &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is the API address written correctly?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is written correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does the API key look right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is carried in the address (%1); it is never shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key was given. Servers on your own computer usually need none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key has no stray spaces, quotes or other extra characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key has the shape of a %1 key, with no stray characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is your API key accepted?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API gave no answer to read the key&apos;s status from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying the key again without the stray characters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered without a key: it does not need one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your API key is accepted once the spaces or line breaks around it are removed; make sure your app removes them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your API key is accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server wants an API key, and none was sent (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider rejected your API key (HTTP %1).%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key is valid, but the account has run out of credit or quota (HTTP %1): waiting or retrying will not help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key is accepted, but the provider is limiting your requests right now (HTTP 429); it asks you to wait %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key is accepted, but the provider is limiting your requests right now (HTTP 429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API&apos;s answer (HTTP %1) says nothing about the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quotation marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word &quot;Bearer&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spaces and line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invisible characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typographic dashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is rejected as typed, but accepted once the stray characters are removed: correct the key where your app stores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is rejected as typed, but accepted once the %1 is removed: correct the key where your app stores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is rejected as typed, but accepted once the %1 are removed: correct the key where your app stores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Removing the stray characters does not help either.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does a tiny test request work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: a test request may cost a fraction of a cent, so it only runs when you ask for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model was named, so no test request was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending one tiny test request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test request got no answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test request&apos;s answer (HTTP %1) never ended: llmdoctor stopped reading after %2 bytes. The server, or a gateway in front of it, is broken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model answered a one-word test request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hops found…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <source>connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retried after a lost packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>estimated loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search Reddit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>affected components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pieces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrived in reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>headers after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first words after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longest pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typical pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last piece after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>through proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed after idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped after idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept open for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than 1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider error type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lookup result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lookup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>known host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cipher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate name matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did you mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>models offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleaned key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage keys at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped reading after %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected too (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after %1 idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>name lookup</source>
        <comment>glossary: other words for DNS, comma-separated</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate</source>
        <comment>glossary: other words for TLS, comma-separated</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway</source>
        <comment>glossary: other words for gateway, comma-separated</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy</source>
        <comment>glossary: other words for proxy, comma-separated</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limit</source>
        <comment>glossary: other words for rate limit, comma-separated</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry-after</source>
        <comment>glossary: other words for retry-after, comma-separated</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry-after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The internet&apos;s phone book: it turns a name like api.openai.com into the number (IP address) your computer connects to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encryption behind https: it keeps the connection private, and the server&apos;s certificate proves it is the server it claims to be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server between you and the model&apos;s server that passes your requests on; &quot;Bad Gateway&quot; means it got no usable answer from the server behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server, often your company&apos;s, that your computer sends its internet traffic through instead of connecting directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many requests the provider lets you send per minute; above it, it answers 429 until the limit resets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server telling you how many seconds to wait before you try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lint</name>
    <message>
        <source>The API address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address &quot;%1&quot; contains spaces; copy it again without them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks mistyped: a web address starts with https:// (a colon and two slashes), like https://api.openai.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid web address: check it for typos, and that a port (after the colon) is a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; starts with %2://; API addresses start with https:// (or http:// for a server on your own computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no server name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; names port 0, where no server can listen: use the port your server listens on, or none for the usual one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key was given, and %1 needs one.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> You can create one at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts with a line break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts with a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends with a line break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends with a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1: remove it where your app stores the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key begins with the word &quot;Bearer&quot;: your app adds that word itself, so paste only the key that follows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is wrapped in quotation marks: paste it without them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key has a space or line break in the middle: it was probably copied across two lines. Copy it again in one piece.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key contains an invisible character (for example a zero-width space) that came along when it was copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key contains a typographic dash (–) where it should have a plain hyphen (-): a word processor or chat app changed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key contains a character that is not a plain letter, digit or hyphen, which API keys never do: copy it again from the provider&apos;s website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is a placeholder from an example, not a real key: replace it with the key from your account on the provider&apos;s website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key looks like a key for %1 (it starts the way their keys do), but you chose %2. Keys only work with the provider that issued them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key does not start the way %1 keys do (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is %1 characters long, but %2 keys have %3: it may be cut off or have something extra. Copy it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is only %1 characters long; real API keys are much longer. Copy it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a wide (full-width) character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has a space or line break at its start or end; remove it and type &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has a space or line break in the middle; type &quot;%1&quot; instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an invisible character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 that looks like &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address contains %1, so it points to a different server than it seems. Type it by hand: &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address starts with http://, so the key would travel unencrypted, and cloud APIs refuse such connections. Type &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address ends with %1, which is one endpoint of the API, not its base address: your app adds that part itself. Type &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address has /v1 twice, so every request goes to a path that does not exist. Type &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is missing the %1 at its end, so requests go to a path that does not exist. Type &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s API address is &quot;%2&quot;; yours has a different path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is almost &quot;%2&quot;, the address of %3. Did you mean &quot;%4&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2&apos;s website, not its API. Type &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address does not say how to connect: type &quot;%1&quot; (with %2:// in front).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the address of %1, but you chose %2. Pick %1, or type %2&apos;s address &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Monitor</name>
    <message>
        <source>llmdoctor&apos;s own time limit of %1 per request: the answer takes longer than that, or never comes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run again with a longer --timeout to see whether the answer comes at all, and after how long; if something on the way gives up first, its limit will show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a proxy or gateway on the way that gives up after about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (named in the failed answers), which gives up after about %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered &quot;timed out&quot; itself: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests that take longer than %1 are cut off on the way. If you run that proxy, raise its time limit for reading the answer (nginx: proxy_read_timeout; HAProxy: timeout server; Envoy: the route&apos;s timeout); otherwise use streaming so bytes flow before the limit, or ask the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; your proxy is one candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a connection kept open while idle is closed on the other side after about %1 without telling the client (a keep-alive mismatch): the next request on it fails with &quot;reset before headers&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make clients drop pooled connections that have been idle for less than %1 (httpx: keepalive_expiry; Node.js: the agent&apos;s keep-alive timeout; requests/urllib3: a smaller pool lifetime), and retry once on a connection reset. If you run the gateway, keep its upstream keep-alive timeout shorter than the server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the IPv6 route to the server: %1 of %2 requests over IPv6 failed while %3 of %4 over IPv4 worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs that try IPv6 first wait or fail where IPv4 would work. Tell your network administrator or internet provider that IPv6 to this server is broken; until then prefer IPv4 (on Linux: `precedence ::ffff:0:0/96 100` in /etc/gai.conf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a longer IPv6 route: connecting over IPv6 takes %1 ms against %2 ms over IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an error, but every new connection pays the difference. If it matters, prefer IPv4 for this server, and tell your network administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your connection to the server loses packets: %1 of %2 connections had to be retried by your computer after %3 or more, the mark of a lost packet, while the others took %4 ms; about %5% of packets are lost. Loss makes requests slow now and then, and makes apps time out or fail at random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find where the packets are lost: run &quot;llmdoctor path&quot; (or diagnose with --check-path) to see the route hop by hop. On Wi-Fi, move closer to the access point or try a cable. If the loss starts beyond your own router, send the path to your internet provider or network administrator: they can fix it, the API provider cannot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a proxy or gateway on the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packets are lost between %1 and the server: %2 of %3 answers came %4 or more late, the time a computer waits before it sends a lost packet again when it opens a connection, while the others took %5 ms; about %6% of packets are lost on that link. Your own connection to %1 is fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell whoever runs your proxy (your network administrator): its link to the internet or to this server loses packets. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you run a gateway or proxy in front of the API, check its link to the servers behind it; otherwise send this to your network administrator or the provider. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;llmdoctor path&quot; run on that machine shows the hop where the loss starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unsteady connection: the time to reach the server varies by %1 ms (from %2 to %3 ms) while the server itself answers steadily. Usually a busy or weak Wi-Fi, a saturated line (uploads, streaming, backups) or a congested provider network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls will be slow at random. Try a cable instead of Wi-Fi, pause large uploads and downloads, and run &quot;llmdoctor path&quot; to see at which hop the delay starts; if it is beyond your own router, tell your internet provider or network administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate could be read from &quot;%1&quot;: the file must hold certificates in text (PEM) form, starting with -----BEGIN CERTIFICATE-----.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name lookup did not finish in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s name could not be looked up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer had not ended after %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Path</name>
    <message>
        <source>%1% of packets are lost from the first hop on (%2): between your computer and your own router, usually a weak Wi-Fi signal or a bad cable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% of packets are lost from hop %2 (%3) on, to the end of the path: inside the networks between you and the server, usually your internet provider&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% of packets are lost only at the server itself (%2): at the API&apos;s own edge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No packets are lost on the way. Hop %1 leaves some probes unanswered while later hops answer them all: that router limits its answers, which is not a problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No packets are lost on the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open a socket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set the TTL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot send a probe: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path test supports IPv4 only on Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IcmpCreateFile failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path test supports IPv4 only on this system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open an ICMP socket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time limit ran out before every probe was answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <source>an unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent %1 looking up the server&apos;s name; no address came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent %1 trying to connect; the connection never opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent %1 setting up the secure connection (TLS); it never finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waited %1 for an answer that never came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer began, then %1 passed without the rest of it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <source>no answer within the time allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy&apos;s answer is not HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy answered %1 to the tunnel request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not valid HTTP: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaving the connection idle for %1 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy closed the connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secure (TLS) handshake failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was closed before a complete answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection to %1 port %2 in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy did not answer the tunnel request in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secure (TLS) handshake did not finish in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer was incomplete when time ran out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer on the reused connection in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; was not found (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking up %1 &quot;%2&quot; failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy&apos;s answer is not HTTP: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy answered %1 %2 to the tunnel request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no end of the response headers after %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy closed the connection before answering the tunnel request (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was closed in the middle of the response body, after %1 bytes of it (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was closed while the response headers were arriving (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was closed or reset before any response (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking up &quot;%1&quot; took longer than %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection to %1 port %2 within %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy did not answer the tunnel request within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secure (TLS) handshake did not finish within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 s after the request was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response headers were still incomplete after %1 s (%2 bytes arrived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the response body was still arriving after %1 s (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>HTML page, one file to send or open in a browser (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown, to paste into an issue or a support form (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON, for scripts (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAR, every HTTP request, for browser developer tools (*.har)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not end in a report type llmdoctor writes (.html, .pdf, .md, .json, .har or .txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateLimit</name>
    <message>
        <source>an unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than a year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Redactor</name>
    <message>
        <source>[proxy credentials removed]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[removed]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>What to do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error you pasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the time went in the model-list request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s status page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait and retry: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route, hop by hop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the request yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copyable fixes for whoever maintains your app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model-list request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worth a look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On its own it reads as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(who should act: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server %1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request ids for support:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waited before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests every %2 s, %3% worked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message you can send to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is read from an environment variable, never written here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where it failed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Response</name>
    <message>
        <source>The API answered normally (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy asks for a user name and password (HTTP 407).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy refused or could not forward the request (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the API key (HTTP 401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server wants an API key and none was sent (HTTP 401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account has run out of credit or quota (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider does not serve your country or region (HTTP 403).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is not allowed to use this (HTTP 403).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not know that model (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no API at this address (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server gave up waiting for the request (HTTP 408).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests: the provider asks you to slow down (HTTP 429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is overloaded right now (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway (Envoy) lost its connection to the server behind it before any answer (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway gave up waiting for the server behind it (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway could not get a good answer from the server behind it (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed while handling the request (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the request (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected answer (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address does not take this kind of request (HTTP 405): it is not the API&apos;s endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider does not serve your country or region (HTTP 451).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Retry</name>
    <message>
        <source>waiting does not change this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server said not to retry (x-should-retry: false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 is not an answer that retrying changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all %1 attempts were used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server asked to wait %1, longer than the time left (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server asked to wait %1 (retry-after)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time allowed for retrying (%1) is up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backing off %1 before attempt %2, as the official SDKs do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API works, but its model list does not have &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> It still failed after %1 attempts over %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying cannot help: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting and trying again would not change this answer (%1). </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Stopped because %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Signature</name>
    <message>
        <source>The reset reason &quot;%1&quot; means %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transport failure reason says %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway (Envoy) passed your request on, but the service behind it closed, reset or refused that connection before sending any answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway (Envoy) had no working server behind it to send your request to: all of them were failing its health checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway (Envoy) waited for the service behind it and gave up when its time limit ran out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway (Envoy) turned the request away because it was handling too many requests at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: nginx waited for the server behind it longer than its timeout (proxy_read_timeout, 60 seconds unless changed) and gave up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: nginx tried to pass the request on, but nothing was listening at the address of the server behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: the server behind nginx closed the connection before it sent a complete answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: every server nginx could send the request to had failed recently, so it did not even try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: nginx could not set up a secure connection to the server behind it. For cloud APIs this usually means nginx does not send the server name during the handshake (proxy_ssl_server_name is off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway or load balancer in front of the API got no valid answer from the server behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway or load balancer in front of the API had no working server to pass your request to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway or load balancer in front of the API waited for the server behind it and gave up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A load balancer (HAProxy) got a broken or incomplete answer from the server behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A load balancer (HAProxy) had no working server behind it to send your request to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A load balancer (HAProxy) waited for the server behind it and gave up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway in front of the API (the bare &quot;Bad Gateway&quot; text is what Traefik sends) got no valid answer from the server behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway in front of the API (the bare &quot;Gateway Timeout&quot; text is what Traefik sends) waited for the server behind it and gave up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is from Traefik&apos;s own log: Traefik could not get an answer from the service it forwards to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An API gateway (Kong) got an invalid answer from the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An API gateway (Kong) had no working service behind it to send the request to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An API gateway (Kong) waited for the service behind it and gave up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A relay or gateway in front of the model passed your request on, and the service behind it failed to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, got an empty or unreadable answer from the provider&apos;s own server (error 520).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, could not connect to the provider&apos;s own server: it refused the connection (error 521).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare, in front of the API, could not even open a connection to the provider&apos;s own server within its time limit (error 522): the provider&apos;s server is down or overloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, found no route to the provider&apos;s own server (error 523).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, connected to the provider&apos;s server but gave up waiting for its answer (error 524, after about 100 to 120 seconds).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, could not set up a secure connection to the provider&apos;s own server (error 525).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, rejected the certificate of the provider&apos;s own server (error 526).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, got no valid answer from the provider&apos;s own server (HTTP 502).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare, in front of the provider, is blocking requests from your address for a while because too many came from it (error 1015).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare, in front of the API, blocked the request before it reached the provider: its firewall rules do not accept requests from your address or network (a VPN, a data-centre address or a country it blocks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amazon CloudFront, in front of the API, blocked the request before it reached the provider: its firewall rules do not accept requests from your address or network (a VPN, a data-centre address or a country it blocks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google&apos;s front end, in front of the API, got no valid answer from the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy server on your network (Squid) answered instead of the API: it refused or could not forward the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy server your traffic goes through wants a user name and password before it lets the request out (HTTP 407).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request goes through a proxy server, and the proxy could not be reached or would not open the way to the API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s API rejected the API key: it is wrong, revoked, or meant for another provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request arrived without an API key, so the provider refused it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google&apos;s API does not accept the API key: it is wrong, deleted, or belongs to another project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider knows your key but does not allow it to do this (model not enabled, restricted key, or unsupported region).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenRouter found no provider for this model that your account&apos;s privacy settings allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refuses requests from the country or region your connection appears to come from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider has no model by the name your app asked for, or your account cannot use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Ollama server does not have this model downloaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On Azure OpenAI the address names a deployment (a model you set up under a name of your choice), and no deployment with that name exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LiteLLM proxy has no working deployment for this model right now: each one it knows failed recently or is cooling down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no API at the address your app called: the path part of the address is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refuses requests because the account has no credit or quota left. Retrying will not help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is limiting how many requests or tokens your account or key may send per minute, and this request went over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s provider behind the router is limiting how many requests it takes from the router&apos;s shared pool: the limit is theirs, not your account&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s service is up but has more requests than it can handle right now, and turned this one away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider has no free capacity for this model right now; the request itself was fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s service failed while handling the request. This is on the provider&apos;s side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service says it is unavailable for now: the provider (or the relay you use) is down or in maintenance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s application crashed while handling the request (a generic HTTP 500 page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama on your computer started the model, and the process that runs it crashed: usually not enough memory (RAM or graphics memory) for this model, or a driver problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s side answered with a server error (a status of 500 or above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is too large: the prompt plus the requested answer length exceed what the model accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s content filter refused the prompt (or its answer); the connection and the key are fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider did not accept the request as sent: a setting, the model name or the message format is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client expected the API&apos;s JSON and got a web page instead: the address answered with HTML (a login page of the Wi-Fi, a web interface, or an error page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer could not turn the server&apos;s name into an address (a DNS lookup): the name does not exist, often because of a typo, or your network cannot look names up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer asked its name lookup service (DNS) for the server&apos;s address and got no answer at all: the problem is your internet connection or DNS server, not the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s machine answered at once that nothing is listening on that port: the address or port is wrong, or the server program is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer tried to open a connection to the server and got no reply at all: something on the way (a firewall, VPN or company network) silently drops the traffic, or the server is down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was open and the request sent, but the answer did not arrive within the time your app allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was cut before a complete answer arrived: the server, or something between you and it, closed the connection without answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was cut while it was being set up, before any request was sent: something on the network between you and the server reset it (a firewall, a filtering network, an unstable link).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer has no network path to the server: it is offline, or the address needs a kind of connection (often IPv6) your network does not offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer refused the secure connection because the certificate it was shown is not signed by an authority it trusts. On company networks this usually means security software or a proxy inspects encrypted traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate chain was issued by Zscaler, a traffic-inspecting proxy on your network, not by the provider&apos;s certificate authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zscaler, the traffic-inspecting proxy of your company network, answered instead of the API: its policy blocks or holds this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is outside its validity dates: it has expired, or your computer&apos;s clock is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate the server showed belongs to a different name than the one in the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your app tried to talk encrypted https to something that answered in plain http (or the other way round): the address most likely has the wrong scheme or port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered the secure-connection request with an alert and refused it: it does not accept what your client offered (protocol version, ciphers, or the server name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection opened, but setting up encryption failed part-way. Something on the network (a firewall, proxy or VPN) often cuts this step; less often the server has a problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your app could not complete the connection to the API; the message alone does not say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a general message from the app: it says that something failed, not what or where.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway could not connect to the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service behind the gateway closed the connection before answering, typically because it crashed, restarted or was overloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway&apos;s attempt to connect to the service behind it timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway itself could not open a connection to the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway refused to start the request to the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway itself reset the connection to the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway had too many requests or connections waiting for the service behind it and turned this one away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway was short of memory or connections and shed this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service behind the gateway answered with something that is not valid HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service behind the gateway refused or failed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service behind the gateway failed a tunnel (CONNECT) request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service behind the gateway refused to take the request, usually because it was busy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service behind the gateway reset the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was listening at the service&apos;s address (connection refused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service did not answer the connection attempt in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway did not accept the service&apos;s certificate, so it refused the secure connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway had no network path to the service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attempt to connect to %1 was refused at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no message to explain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider counts this key&apos;s requests per time window, and this one went over; the window resets shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmdoctor does not recognise this message: it names no known error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed through %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It reads as %1, but names no cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your app could not reach the proxy it is set to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your app could not connect to %1 on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 400: the API refused the request as malformed or with a wrong parameter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 401: the API did not accept the credentials (the API key) of this node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 404: the address, path or model this node asked for does not exist at the API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 500: the API failed on its side while handling the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 502: a gateway in front of the API got no valid answer from the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 503: the API is unavailable for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n&apos;s wording of an HTTP 504: a gateway in front of the API waited too long for the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app sent the word &quot;undefined&quot; or &quot;null&quot; as its key: its key setting was empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Front Door, in front of the API, could not get an answer from the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Varnish cache in front of the API could not fetch the answer from the server behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akamai&apos;s firewall in front of the API refused the request before it reached the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amazon API Gateway, in front of the API, waited too long (29 seconds at most) for the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amazon API Gateway answers this for an address or method it has no route for: the path in the URL is wrong, whatever the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Kong gateway in front of the API has no route for this address: the path in the URL is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web app you deployed on Vercel ran longer than its function time limit while waiting for the API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was larger than the server accepts: shorten the input or send files separately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s status page reports an incident: the errors come from its side, and it is working on them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection attempt failed at once (Python&apos;s asyncio reports a refused connection this way).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gRPC client could not open a connection to any of the server&apos;s addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered that it is unavailable for now (HTTP 503).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway (Envoy) passed your request on, but the service behind it closed or reset that connection before sending an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama could not start the model on this computer: loading it failed or took too long (often too little memory or graphics memory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LiteLLM proxy does not know the key your app sent: it is not one of the keys made on that proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LiteLLM proxy knows the key, but that key is not allowed to use this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SOCKS support of your app&apos;s HTTP library is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Apache server in front of the API passed the request on, but got no valid answer from the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Front Door, in front of the API, gave up waiting for the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s code running on Cloudflare (a Worker) failed while handling the request (error 1101).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A web filter of your company or network (a proxy or firewall) answered instead of the API: its policy blocks this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay you send requests through (one-api or new-api) has used up what its upstream channels allow right now, and asks you to slow down and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoy gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apache web server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your nginx server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAProxy load balancer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Front Door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google&apos;s front end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Varnish cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akamai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amazon API Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kong gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vercel (the deployment of your app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a gateway (probably Traefik)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your Traefik proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kong API gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amazon CloudFront</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Front End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Squid proxy on your network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy on your network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider&apos;s API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google&apos;s API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure OpenAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the LiteLLM proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the relay (one-api, new-api) you send requests through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider&apos;s status page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the web application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your app (Python asyncio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your app (gRPC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zscaler, inspecting your traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zscaler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the web filter of your network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay you send requests through (one-api or new-api) has no channel set up that serves this model for your group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address answered with a web page, not the API&apos;s JSON: it is a website or a web interface, not the API endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was cut from the other side (the operating system&apos;s message, in your language): something on the way or the server reset it before a complete answer arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address your app was given is not a complete web address (it lacks http:// or https://, or is malformed), so no request was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key your app sent contains a line break, space, quote or typographic character, so it could not be sent as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app says the model it was set to use may not exist, or the key may not have access to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama answered 403: it does not accept requests from the app&apos;s or web page&apos;s origin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is from nginx&apos;s own error log: the server behind nginx sent an answer nginx could not accept, so nginx gave up on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer could not look up the server&apos;s name: the name service it is set to ask, on this computer itself, is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your app waited for the API&apos;s answer until it gave up, and says the network (or the proxy set in the app) is the likely cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy your traffic goes through answered in the API&apos;s place: it could not pass the request on. Its settings, or whoever runs it, decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your gateway (such as LiteLLM) keeps its own budget per key, user or team, and this one is spent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message says only that the request timed out, not at which step: while connecting, or while waiting for the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attempt to connect was refused at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message says the connection failed, but not why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message says the provider behind the router failed, but not why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It also shows: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A firewall in front of the API turned the request away with a block or robot-check page before it reached the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a firewall in front of the API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service says your plan does not include this: it needs a higher plan or subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider&apos;s service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>the page sent an empty answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address answered with a web page (HTML) instead of status data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not valid status data (broken JSON: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not look like a status page&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not look like a status page&apos;s data (no overall status)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer lists no incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer lists no maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not look like a Better Stack status page (no aggregate_state)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All systems operational</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not look like a Rootly status page (no indicator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not look like the data of any status page llmdoctor knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>llmdoctor did not recognise the message you pasted: it does not say what failed or where. The checks above are the better guide; if your app still fails, paste its full error message or log output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message you pasted says the same: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the message you pasted: %1 The checks found a different problem now; fix that first, and if the message comes back, run llmdoctor again with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own gateway at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close names this server offers: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its latest update%1: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you or your network administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whoever runs the proxy (usually your IT department)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you, in your account on the provider&apos;s website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path test: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1% of the connection attempts&apos; packets were lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own link and router are fine; the loss is further on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worth a look: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s status page reports no problem right now; the checks below point to: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issuer&apos;s name points at %1 software.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway that gave up is your own nginx: give it longer timeouts (the nginx block below), then reload it with &quot;nginx -s reload&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this API address instead: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your requests go through your proxy, so the gateway that wrote this is most likely that proxy: its settings and logs decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address (%1) is on your own computer or network, so the gateway that wrote this is most likely your own: its settings and logs decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the port in the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the one your app asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time the provider asks for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your provider account&apos;s billing page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an AWS load balancer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Google Cloud load balancer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message you pasted says the same, but the checks show that %1 wrote it, not %2 as its words alone suggest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>advice</name>
    <message>
        <source>Your API key has stray spaces or line breaks around it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider accepts the key only once they are removed. llmdoctor removes them before asking; many apps send the key exactly as it is stored, and then get &quot;401 Unauthorized&quot; or &quot;invalid API key&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the place where your app stores the key (a settings field, an .env file, an environment variable) and delete the spaces or line breaks before and after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key again from the provider&apos;s website if you are unsure where it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider rejected your API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered 401 Unauthorized: the key is wrong, revoked, or belongs to another provider ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key again from the provider&apos;s website, without spaces, quotes or the word &quot;Bearer&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make sure the key is for this provider: keys from one provider never work at another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the key is new, wait a minute; if it was deleted or expired, create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API needs a key, and none was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered {status} Unauthorized to a request without an API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key was given, and {provider_name} needs one for every request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key was given, and this API needs one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy your API key from the provider&apos;s website and enter it in llmdoctor (or set it in an environment variable and use --api-key-env).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the request (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server understood the connection but not the request ({detail}). The address, model name or request settings may be wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the API address and the model name against the provider&apos;s documentation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks were cancelled before they finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be concluded from an incomplete run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the checks again and let them finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer cannot get through to {host}: the connection attempt timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s address is known, but no answer came back when your computer tried to connect. A firewall, VPN or company network that silently drops the traffic is the usual cause; less often the server is down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try from another network (for example a phone hotspot). If it works there, your network blocks the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check firewall, antivirus or VPN software on your computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a company network, ask your network administrator whether {host} port {port} is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is answering at {host} on port {port}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer reached {host}, and it replied straight away that no program is listening on port {port}. The address or port is wrong, or the server program is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the port in the API address (https uses 443 unless the provider says otherwise).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the server runs on your own computer (Ollama, LM Studio, vLLM, llama.cpp), make sure it is started and listening on port {port}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it is a company server, ask its administrator whether it is up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server is running on your computer at port {port}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address points at this computer ({host}), and nothing is listening on port {port}. The local model server (Ollama, LM Studio, vLLM, llama.cpp…) is not started, or it uses another port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the local model server and wait until it says it is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check which port it listens on (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080) and use that port in the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer cannot find the server &quot;{host}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before anything else, a computer has to turn the server&apos;s name into a numeric address (a DNS lookup). That lookup failed: {detail}. When the name does not exist at all, the address usually has a typo. When the lookup service itself fails, your internet connection or DNS server is the problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the API address for typos: it should look like https://api.example.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open any website to make sure your internet connection works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you are on a company network or VPN, ask your network administrator whether {host} is blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your network&apos;s name lookup does not know &quot;{host}&quot;, the provider&apos;s own API address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is the one the provider documents, so this is not a typo. The DNS server your computer uses answered that the name does not exist ({detail}): it may be blocked or filtered on this network, or the lookup service is not working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open any website to check that your internet connection works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try another network (for example a phone hotspot): if it works there, this network blocks the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a company network or VPN, ask your network administrator whether {host} is blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer could not look up &quot;{host}&quot;: the name lookup service is not answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS lookup did not say the name is unknown; it failed to get an answer at all ({detail}). That points at your internet connection or DNS server, not at the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that your internet connection works (open any website).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart your router or switch to another network (for example a phone hotspot) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you use a VPN or company network, ask your network administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address has moved to {moved}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with a redirect to another address. Apps and llmdoctor do not send your key on to a new address by themselves, so requests to the old one fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the new address in your app: {moved}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you did not expect the address to change, check with the provider&apos;s documentation that it is theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no API at this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path in the API address is wrong ({detail}). Base addresses usually end in /v1 and must not include /chat/completions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the API address with the provider&apos;s documentation, for example https://api.openai.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure OpenAI has no deployment with the name in your address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment name can differ from the model&apos;s name, so the model name alone does not work there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your resource in the Azure portal (or Azure AI Foundry), look up the deployment name, and put exactly that into the address or the model field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the address uses the same resource and an api-version your deployment supports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer could not get through to the server ({host}): the connection attempt timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer came back at all, which is what happens when a firewall, VPN or company network silently drops the traffic. Less often, the server is down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try from another network (for example a phone hotspot): if it works there, your network blocks the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check firewall, antivirus and VPN software on your computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a company network, ask your network administrator whether the API&apos;s address is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is answering at the address your app uses ({host}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a cloud provider this almost always means the address or port is wrong. For a server on your own computer (Ollama, LM Studio, vLLM, llama.cpp), it means the server is not running or listens on another port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the address and port in your app against the provider&apos;s documentation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the model server runs on your own computer, start it and check its port (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your app runs in a container, &quot;localhost&quot; there is the container itself: use the host&apos;s address instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s content filter refused this prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request reached the model, but its safety filter flagged the text, so retrying the same prompt fails the same way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the wording of the prompt or the conversation history that triggered the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On Azure OpenAI, ask your administrator whether a custom content filter fits your use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer could not find the server&apos;s address ({host}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the name does not exist, the address usually has a typo. When many names fail, your internet connection or DNS server is the problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the API address in your app for typos; it should look like https://api.openai.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks with your provider: they tell a wrong name from a broken lookup service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer could not look up the server&apos;s address: the name lookup service did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not about the name being wrong: the lookup itself failed, so the problem is on your side of the connection (internet connection, router, VPN or DNS settings), not at the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway in front of the API could not get a good answer from the AI service behind it (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error page came from a gateway or load balancer{hops}, which means your request reached the provider&apos;s side. Your computer and network are not the cause; it is usually temporary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a few minutes and try again; add retries with growing pauses to your app (examples below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s status page for an incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it keeps failing for more than half an hour, contact the provider&apos;s support with the time of the error and any request id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway in front of the API gave up waiting for the AI service behind it (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway{hops} has a time limit, and the answer took longer. Very long answers can do this; otherwise the service is overloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again with a shorter request, or turn on streaming so the first words arrive early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s status page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the gateway is your own (for example nginx in front of the API), raise its read timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider does not serve the region your connection comes from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Providers decide by the public address your request leaves from. A VPN, proxy, cloud server or CDN node in an unsupported country gets this answer even when you are elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check which country your public address belongs to, and turn off or switch the VPN or proxy exit to a supported region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your app runs on a cloud server, run it in a region the provider supports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s list of supported countries and regions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider has no model called &quot;{model}&quot;, or your account cannot use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model name must match the provider&apos;s list exactly, including capitals and any prefix such as &quot;openai/&quot; on OpenRouter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the model name from the provider&apos;s model list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run llmdoctor diagnose with your key and --model: it lists the models your key can use and suggests close names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer has no network path to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operating system gave up before sending anything: the computer is offline, or the address needs a kind of connection (often IPv6) your network does not offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that you are connected to the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If only IPv6 addresses fail, ask your network administrator, or make your app prefer IPv4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Ollama server does not have the model &quot;{model}&quot; yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama only runs models that were downloaded to it first; the name may also be misspelled or miss its tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download it on the machine that runs Ollama: ollama pull {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;ollama list&quot; there to see the exact names it has, including the tag after the colon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenRouter has no provider for this model that your privacy settings allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account&apos;s data policy excludes every provider that serves this model, so OpenRouter refuses the request instead of routing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open {link} and allow the providers this model needs, or pick a model with a compliant provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the model&apos;s provider list on openrouter.ai to see which providers train on or keep prompts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own gateway{hops} could not get an answer from the server behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message comes from the log of a gateway you or your team run, so the fix is in its settings or in the server it forwards to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the server the gateway forwards to is running and reachable from the gateway&apos;s machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the server is slow to answer (long model answers), raise the gateway&apos;s timeouts; for nginx see the example below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a cloud provider behind nginx, also set proxy_ssl_server_name on so nginx sends the provider&apos;s name when connecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy server your traffic goes through wants a user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company proxies often want a login before they let requests out to the internet, and your app did not send one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the login into the proxy address your app uses: HTTPS_PROXY=http://user:password@proxy.example.com:8080 (ask IT for the details).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some proxies accept only Windows logins (NTLM or Kerberos); then ask IT for an exception for the API&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy server your traffic goes through did not let the request out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer came from the proxy, not from the provider: it refused the request, or could not reach the API itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask whoever runs the proxy (usually your IT department) to allow the API&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the proxy settings of your app (the HTTPS_PROXY and NO_PROXY environment variables, or the system proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks with --proxy system to see what the proxy answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account has run out of credit or quota.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key and the connection are fine; the account needs credit, or a new billing period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add credit or raise the limit on {link}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the key belongs to the account or project you topped up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is limiting how fast your account can send requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is a limit on your account, not a fault: once the time window passes, the same request goes through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait {wait} before retrying, and retry with growing pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send fewer or smaller requests at once, or ask the provider for a higher limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer did not arrive within the time your app allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was sent, but the server took longer to answer than your app&apos;s timeout. Slow or overloaded model servers cause this, and so do very long answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise the timeout in your app (the openai and anthropic SDKs allow 600 seconds by default; your app may use less).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on streaming so the first words arrive early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If short requests time out too, check the provider&apos;s status page and run the llmdoctor checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server on your computer did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local servers are slow when they load a large model or run without a GPU; the first request after a start can take minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise the timeout in your app, or try a smaller model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch the server&apos;s own log (for Ollama: ollama ps and its log) to see whether it is still loading the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate has expired or is not valid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates are valid between two dates. Either the server&apos;s owner forgot to renew it, or your computer&apos;s clock is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your computer&apos;s date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the date is right, tell the server&apos;s owner that the certificate has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the server could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection opened and then broke while the encryption was being agreed. A firewall, proxy or VPN that interferes with encrypted traffic is the usual cause; outdated system encryption libraries are another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try another network (for example a phone hotspot) to rule out interference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you use a proxy, check that your app is configured for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they show at which step the secure connection fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server showed a certificate for a different name than the one in your app&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This happens when the address uses an IP number or an old name instead of the provider&apos;s exact host name, or when something on your network answers in the server&apos;s place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the exact host name from the provider&apos;s documentation, not an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a company network, ask IT whether traffic to the API is redirected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer did not trust the certificate it was shown for the server, so it refused the secure connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cloud provider&apos;s certificate is always signed by a public authority. When it is not trusted, usually something on your side replaced it: antivirus that scans encrypted traffic, or a company proxy. For a server you run yourself, it means a self-made certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they show who issued the certificate and whether it looks like an interception.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a company network, ask IT for their root certificate (Python: set SSL_CERT_FILE or REQUESTS_CA_BUNDLE; Node.js: set NODE_EXTRA_CA_CERTS to that file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not turn certificate checking off: it would also hide a real attack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your app talks https to something that answers in plain http (or the other way round).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address most likely has the wrong scheme or port: cloud providers use https://, while model servers on your own computer usually use http://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the start of the API address: https:// for cloud providers, http:// for Ollama, LM Studio, vLLM or llama.cpp on your computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the port belongs to the server you mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmdoctor cannot tell from this message alone what went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message does not name a cause or say which part of the connection failed, so llmdoctor will not guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks with your provider and key: they test each step from your computer to the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for a longer error message in your app&apos;s log or console (a traceback or an HTTP status), and paste that instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server behind a gateway closed the connection before it answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request got through the gateway{hops}, but the server behind it hung up. That server is busy, restarting or crashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the status page of the service behind the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the server was cut before a complete answer arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usually the server or a load balancer at the provider closed the connection (busy, restarting, or an idle connection closed); a proxy, firewall or VPN on your side can do it too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again: an SDK retry with growing pauses handles occasional cuts (examples below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it happens on every request, run the llmdoctor checks to see whether the cut happens on your side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway at the provider lost its connection to the AI service behind it (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message came from a gateway{hops}, not from your computer: your request got as far as the provider. Your computer, network and key are not the cause of this message; it is usually temporary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s status page for an ongoing incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the gateway is your own (an Envoy or Istio proxy you run in front of the API), check its logs and the service behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A firewall blocks port {port} to {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path test reaches {host} hop by hop, so the way to it is open, yet connections to port {port} get no answer at all: something on the way drops exactly that traffic. That is a firewall, a company network filter, or security software on your computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check firewall, antivirus or VPN software on your computer for a rule about {host} or port {port}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a company network, ask your network administrator to allow {host} port {port}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try from another network (for example a phone hotspot): if it works there, your network blocks the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway in front of the API could not get an answer from the service behind it (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error came from a gateway or load balancer{hops}, not from your computer: it forwarded the request but received a bad or no answer from the AI service behind it. This is usually temporary and on the provider&apos;s side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a few minutes and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it keeps failing for more than half an hour, contact the provider&apos;s support with the request id from the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway in front of the API gave up waiting for the service behind it (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway{hops} waited for the AI service and hit its time limit. Very long answers can do this; otherwise the service is overloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again with a shorter request, or with streaming turned on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle connections to {host} are closed after a short time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apps keep connections open between requests to save time. When the server or a gateway closes an idle one just as the app reuses it, the app sees &quot;connection reset&quot; or &quot;upstream connect error or disconnect/reset before headers&quot; although nothing else is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make your app drop pooled connections before they reach that idle time (Python httpx and the openai/anthropic libraries: httpx.Limits(keepalive_expiry=...); Node.js: the agent&apos;s keepAlive timeout; requests/urllib3 have no idle limit: retry once on a reset).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you run the gateway, keep its upstream keep-alive time shorter than the server&apos;s (nginx: keepalive_timeout in the upstream block; HAProxy: timeout http-keep-alive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider has no model called &quot;{model}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model name must match the provider&apos;s list exactly, including capitals and any prefix.{suggestion}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the model name exactly as the provider&apos;s model list writes it.{suggestion}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the model is available to your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer has no working network connection, so it cannot look up &quot;{host}&quot; or reach any server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No network connection on this computer is up (no Wi-Fi, cable or mobile connection with an address). Nothing about the API address, the key or the provider can be tested until it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on Wi-Fi or plug in the network cable, and turn off airplane mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open any website to check that the connection works, then run the checks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer has no network route to {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operating system reported that the network is unreachable: your computer is offline, or the address needs a kind of connection (often IPv6) your network does not offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If only IPv6 fails, your programs normally fall back to IPv4; if yours does not, ask your network administrator or disable IPv6 for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;{host}&quot; answers with a web page, not with the API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked for its list of models, the address sent back a web page ({page_title}) instead of the API&apos;s answer. That happens when a Wi-Fi or hotel login page (a captive portal) catches every request, when the address points at a router or a web interface rather than the API, or when the port or path is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open {host} in a web browser: if it asks you to sign in to the Wi-Fi or accept terms, do that, then run the checks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the API address: it usually ends in /v1, and for a server on your own computer the port is the API&apos;s, not its web interface&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the page is your company&apos;s, ask your IT department whether the API is blocked on this network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything works: {host} answers normally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer found the server, connected, and the model answered a test request without an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer found the server, connected, and the API answered without an error: it listed its models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer found the server, connected, and the API answered without an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your app still fails, paste its exact error message into llmdoctor: the problem may be in the request the app sends (model name, request size) rather than the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems that come and go are easier to catch with the monitor, which repeats the test and charts the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your connection to {host} loses packets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answers, but some of the packets on the way are lost and have to be sent again, which costs a second or more each time. Apps then see requests that are slow now and then, time out, or fail with &quot;upstream connect error&quot; or &quot;connection reset&quot; at random.{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On Wi-Fi, move closer to the access point or use a cable, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the path test (llmdoctor path, or the box &quot;Also follow the route hop by hop&quot; under Advanced settings) to see at which hop the loss starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the loss starts beyond your own router, send the path and this report to your internet provider or network administrator: they can fix it, the API provider cannot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until it is fixed, give your app retries with backoff and longer timeouts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your connection loses packets between your computer and your own router.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path test shows the loss from the very first hop on: the link from your computer to your router (Wi-Fi or cable) drops packets, and everything behind it suffers. Apps see slow requests, timeouts and resets at random.{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On Wi-Fi, move closer to the access point, switch to the 5 GHz band, or use a cable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart your router; if you have another cable or network adapter, try it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the test again to see whether the loss is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets to {host} are lost at the API&apos;s own edge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path test shows no loss on the way; only the server&apos;s own answers go missing. The API&apos;s edge drops packets (or limits how many it answers), which makes calls slow or fail at random.{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this report, with its path, to the provider&apos;s support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error you pasted is about your app&apos;s settings, and the settings llmdoctor tested work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{meaning} The API key, address and model given to llmdoctor passed the checks, so your app most likely sends something different: another key, another model name or another address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare your app&apos;s API key, address and model name with the ones you gave llmdoctor, character for character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for an old key or a different model name in your app&apos;s environment variables or configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error you pasted points at your computer or network, but the connection works from here now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{meaning} llmdoctor just reached the API without that problem, so it was temporary, or your app runs somewhere else (another computer, a container, a VPN or proxy setting llmdoctor does not use).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run llmdoctor on the same machine, network and proxy settings as your app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the error comes and goes, run the monitor to catch it in the act.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error you pasted came from a gateway on your side of the connection, not from the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{meaning} Your requests go through {proxy}, and the message came from a gateway or proxy{hops} that sits in front of the provider. Such a gateway gives this answer when it cannot reach, or gives up waiting for, the server behind it; its settings and logs decide what happens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the gateway&apos;s error log around the time of the error: it names the server it tried and why it failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If answers from the model take long, raise the gateway&apos;s read timeout (for nginx, proxy_read_timeout; example below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To confirm, send one request straight to the provider without the gateway and compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your connection to {host} works now; the error you pasted came from the provider&apos;s side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{meaning} Right now every step from your computer to the API works (name lookup, connection, secure connection, API request), so your computer, network and key are not what produced that message. Errors like it come and go with problems at the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the request; if your app has no retry, add one with growing pauses (examples below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s status page for an incident around the time of the error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it keeps happening, run the monitor to record when it fails, and send that report to the provider&apos;s support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key is valid but not allowed to do this (HTTP 403).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider knows the key but refuses the request ({detail}). Common causes: the model is not enabled for your account or project, the key has restricted permissions, or the provider does not serve your country or region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the key&apos;s permissions and the project it belongs to on the provider&apos;s website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check whether the provider serves your region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{provider} reports an outage: {incident}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your requests get errors from the provider&apos;s side (HTTP {status}), and {provider}&apos;s own status page reports a problem with its API: {incident}.{incident_update} It is not your key, your settings or your network: there is nothing to fix on your side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for {provider} to fix it; follow the status page for updates: {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry later with increasing pauses (the code below); requests sent during the outage may keep failing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your app allows it, switch to another model or provider until the outage is over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{provider}&apos;s status page reports an outage: {incident}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{provider}&apos;s own status page reports a problem with its API: {incident}.{incident_update} Requests may fail until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the status page for updates: {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is overloaded right now (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is up but has more requests than it can handle, and turned this one away. It is not a problem with your key or your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a minute and try again; retry with increasing pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your app allows it, switch to another model or provider for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy {proxy} did not let the request through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your traffic goes through a proxy, and the proxy refused or failed to forward it ({detail}). 407 means it wants a login; 403 means its rules forbid the destination; 502 or 503 mean it could not reach the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask whoever runs the proxy (usually your IT department) to allow {host} on port {port}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the proxy needs a login, add it to the proxy address: http://user:password@proxy:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To see whether the proxy is the problem, try once without it (--proxy none) from a network that allows direct connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refuses requests until the account is topped up or the quota resets ({detail}). Retrying will not help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the billing page of your provider account and add credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check whether a monthly spending limit has been reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is limiting how fast you can send requests (HTTP 429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account or key sent more requests or tokens than its limit allows in a time window ({detail}). Waiting helps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait {wait} (the time the provider asks for in its retry-after header), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait the time the provider asks for (retry-after) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send fewer requests at once, or retry with increasing pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the provider for a higher limit if you need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API answered on the first attempt: there was nothing to wait for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One request to {host} worked right away (HTTP {status}). If your app failed a moment ago, the problem was short-lived or is in the app&apos;s own settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try your app again now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it still fails, run the full diagnosis with the error message your app showed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It worked on attempt {attempt}, after {waited} of waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first {failed} failed ({failures}); then {host} answered normally. The failure was temporary, as most 5xx, 429 and connection errors are. Waiting and retrying, as done here, is the cure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make your app retry such errors with increasing pauses (the code below does it the way the official SDKs do).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it happens often, check the provider&apos;s status page for a pattern, or watch it over time with the monitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every attempt for {duration} failed: a wide outage is likely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmdoctor tried {attempts} times over {duration}, waiting between attempts as the official SDKs do, and every attempt failed ({failures}). A failure that lasts this long, on the provider&apos;s side of the connection, is seldom something on your computer: an outage at the provider or at a gateway in front of it is likely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s status page, and search for others reporting it (X, Reddit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait longer, then try again; your requests did not get through, so nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it goes on, contact the provider&apos;s support with the request ids from the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed while handling the request (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request arrived, but the server broke while handling it ({detail}). This is on the server&apos;s side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it persists, contact the provider&apos;s support with the request id from the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streamed answers are held back on the way and arrive all at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server streams its answer piece by piece, but a proxy or gateway between it and you collects the pieces and passes them on only when the answer is complete. Apps that show words as they come wait for the whole answer, and long answers can run into read timeouts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After changing nginx (proxy_buffering off; together with proxy_http_version 1.1;), reload it with &quot;nginx -s reload&quot; and run this check again: the pieces should then arrive one by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A company proxy that scans downloads can hold answers back the same way: ask IT to exempt the API&apos;s address from scanning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was set up and the request sent, but llmdoctor waited {waited} for an answer that never came. The provider may be overloaded, or something between you and the server holds the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was set up, but the answer did not come within the time limit ({detail}). The provider may be overloaded, or something between you and the server holds the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If answers are just slow, raise your app&apos;s timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate for {host} has expired or is not valid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates are valid only between two dates ({detail}). Either the server&apos;s owner forgot to renew it, or your computer&apos;s clock is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that your computer&apos;s date and time are correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to {host} could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection opened, but the encryption handshake failed ({detail}). Causes: the server does not speak https on this port, a network device interferes, or your system&apos;s encryption settings are too old.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the address starts with the right scheme: https:// for cloud providers, often http:// for a server on your own computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try another network to rule out interference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate presented is not for &quot;{host}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server proved it is a different site than the one in the address ({detail}). The address may be wrong (for example a numeric IP instead of the name), or something on your network answered in the server&apos;s place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a company network, ask IT whether traffic to {host} is redirected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at {host} port {port} does not use encryption: the address should start with http://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmdoctor opened a secure (https) connection, and the server answered in plain, unencrypted HTTP. That is normal for a model server on your own computer or network (Ollama, LM Studio, vLLM, llama.cpp), and it means the address has the wrong beginning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the start of the API address from https:// to http://, in llmdoctor and in your app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the server should be reached over https, put it behind a proxy that adds encryption (for example nginx or Caddy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer does not trust the certificate presented for {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection was refused because the certificate is not signed by an authority your computer trusts ({detail}). On company networks, security software that inspects traffic often causes this; for a server you run yourself, it means a self-signed certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you are on a company network, ask IT for their root certificate and point llmdoctor at it with --ca-file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If this is your own server with a self-signed certificate, give its certificate with --ca-file, or use a certificate from a public authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never turn certificate checking off for a cloud provider: it would hide an interception.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something on your network is opening the secure connection to {host}: security software or a company proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate your computer received for {host} was issued by &quot;{issuer}&quot;, which is not one of the public certificate authorities your system trusts. The real {host} always uses a certificate from a public authority, so a program or device between you and the provider (antivirus that scans encrypted traffic, or a company proxy) replaced it to look inside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a company network, ask IT for their root certificate and give it to llmdoctor with --ca-file; your app needs it too (Python: set SSL_CERT_FILE or REQUESTS_CA_BUNDLE to the file; Node.js: set NODE_EXTRA_CA_CERTS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On your own computer, look in your antivirus settings for &quot;HTTPS scanning&quot;, &quot;encrypted connection scanning&quot; or &quot;web shield&quot;, and turn it off or add an exception for {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not turn certificate checking off in your app: it would also hide a real attack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmdoctor could not tell what is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks did not find a clear cause ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the checks again; if the problem comes and goes, use the monitor to catch it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to {host} was cut before any answer arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request reached a server, but the connection was closed or reset before the first line of the answer ({detail}). This usually happens on the provider&apos;s side when a gateway loses the service behind it; a proxy or firewall on your side can do it too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a few minutes and try again: this is often temporary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you use your own proxy or gateway in front of the API, check its logs and timeouts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway in front of the API lost its connection to the service behind it (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer came from a gateway{hops}, not from the AI service itself. It says &quot;upstream connect error or disconnect/reset before headers&quot;: the gateway forwarded your request, and the service behind it closed, reset or refused that connection before answering. Your computer, network and key are not the cause of this message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a few minutes and try again: this is usually a temporary problem on the provider&apos;s side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the gateway is your own (for example an Envoy or Istio proxy in front of the API), check its logs: the reset reason in the message says what happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection through the proxy {proxy} was cut before any answer arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request went through your proxy, and the connection closed before an answer came back ({detail}). The proxy, or the server behind it, dropped it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask whoever runs the proxy to check its logs for {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again in a few minutes; if it persists, try without the proxy from a network that allows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to {host} was refused on the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A well-known provider&apos;s API accepts connections, so a firewall, a filtering network, or a wrong address from your DNS refused it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try another network (for example a phone hotspot), or with your VPN or proxy turned on or off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that your app does not need a proxy on this network, and that {host} is not blocked by a firewall or security software.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they show where the connection stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The firewall in front of the API{hops} blocked your connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider never saw the request, so your key was not even checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off the VPN or proxy, or switch its exit to another place, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your app runs on a cloud server, try from another network to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it goes on, send the Ray ID or request id from the page to the provider&apos;s support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A web page answered where the API should.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usually the address points at a web interface rather than the API (check the path, often /v1), or a Wi-Fi login page catches every request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the API address in your app against the provider&apos;s documentation: the path and the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the address in a web browser: if it asks you to sign in to the Wi-Fi or accept terms, do that and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they show what the address answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service says it is unavailable right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It answered, so your network and address are fine; nothing on your side causes this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the status page of the provider, or of the relay your app calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again later, with growing pauses between retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it lasts, switch to another model or provider for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider behind your router is limiting requests for this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone using the model through the router shares that limit; it passes within a short while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait {wait} and retry with growing pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick another model or provider for now, or add your own key for that provider in the router&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server on your own computer failed while handling the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It runs on your side, so its own log says why: often the model could not be loaded, memory ran out, or something in between (a local proxy) could not reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the server&apos;s log (for Ollama, the output of &quot;ollama serve&quot; or its server.log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the model is downloaded and fits in the memory you have, then restart the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If a proxy is set on this computer, make sure local addresses bypass it (NO_PROXY=localhost,127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the secure connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old client libraries that offer outdated protocol versions, and addresses that are not the API&apos;s own host, are the usual causes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update your client library and its runtime (Python, Node.js, OpenSSL) so it offers current TLS versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the address is the provider&apos;s API host: the name is sent in the handshake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was cut while it was being set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server never received your request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you use a VPN or proxy, try with it turned on, or off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they show at which step the connection breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your app could not connect to {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} accepts connections from everywhere, so something between your computer and it stopped this one: your internet connection, a firewall, a proxy or the name lookup (DNS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they test each step from your computer to {host} and show where the connection stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server on your computer did not accept the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your app tried to reach a model server running on this computer (Ollama, LM Studio, llama.cpp…), and nothing accepted the connection: the server is not started, or your app uses another port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check which port it listens on (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080) and use that port in your app&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your app could not reach the proxy it is set to use ({host}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request never got as far as the provider: the proxy&apos;s name could not be looked up or it did not accept the connection. The proxy address in your app&apos;s settings is wrong, or the proxy is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the proxy address in your app&apos;s settings and in the HTTPS_PROXY and HTTP_PROXY environment variables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you do not need a proxy on this network, remove the setting and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks with --proxy none and with --proxy system to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your app is set to use a SOCKS proxy, but cannot speak to one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a Python app, install the SOCKS extra in the app&apos;s environment: pip install &quot;httpx[socks]&quot; (or &quot;requests[socks]&quot;), then restart the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you do not need that proxy, remove the socks5:// setting (the ALL_PROXY, HTTPS_PROXY or HTTP_PROXY environment variable, or the app&apos;s proxy option).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy setting starts with socks5:// (or socks4://), and the library your app uses needs an extra package for that. No request left your computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway or relay you send requests through is limiting how fast you can send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit is the gateway&apos;s own (its share of the provider, or a setting of the gateway), not the provider&apos;s limit on your key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send fewer requests at once, or ask whoever runs the gateway (your team&apos;s LiteLLM, the relay service) for a higher limit or more upstream capacity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address in your app&apos;s settings is not a complete web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app never sent the request: the address lacks its http:// or https:// beginning, or is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the address in full, for example https://api.openai.com/v1 (or http://localhost:11434/v1 for a server on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the setting for stray spaces or quotes around the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key in your app&apos;s settings has extra characters around it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key again from the provider&apos;s key page and paste it without spaces, line breaks or quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the key comes from an environment variable or a file, remove the line break or quotes at its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That usually comes from copying the key with the line after it, or from quotes around it in a settings file; the key itself may be fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama refused a request that came from an app or web page it does not allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama only answers requests from the origins it is set to allow; a browser extension, a web app or a desktop app like Obsidian needs its origin added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set OLLAMA_ORIGINS for the Ollama server (for example OLLAMA_ORIGINS=* or the app&apos;s origin) and restart Ollama.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a Mac or Windows, set it where Ollama&apos;s service reads its environment, then quit and start Ollama again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway you send requests through has used up the budget it allows your key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budget is a setting of the gateway (your team&apos;s LiteLLM or a relay service), not of your account with the provider, so paying the provider does not lift it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask whoever runs the gateway to raise the budget of your key or team, or wait until its budget period starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the gateway&apos;s dashboard for how much of the budget each key has spent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was refused before your app got an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks with your provider: they show where the connection stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message names no address, and this app connects to its provider&apos;s hosted API unless set otherwise. Hosted APIs accept connections, so a firewall, security software, a VPN or a proxy setting on the way probably refused it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most such waits end at the server, which was too slow to answer. The checks tell which step is slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks: they time each step (name lookup, connection, secure connection, answer) and show which one is slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If only long requests time out, raise the timeout in your app or turn on streaming.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the address and port in your app against where the server really runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make sure the server is started there and accepts connections from other machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the llmdoctor checks against that address: they show where the connection stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model provider behind the router failed this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The router (such as OpenRouter) passed your request on, and the provider serving the model answered with an error it did not explain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again in a minute, or pick another provider for this model in the router&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it keeps failing, check the router&apos;s status page and the model&apos;s page for provider problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address {host} was set in your app; it is not a hosted provider&apos;s. The server there is not running, the address or port is wrong, or this computer cannot reach that machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your plan does not include this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered, so the connection works; only the plan stands in the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open {link} and check which plan includes what your app asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or choose a model or tool that your current plan includes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::CheckRow</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical details for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the server sent back, for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for its turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worth a look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: this step did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this step took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gives up in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::ChecksPage</name>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing can be concluded from an incomplete run: run the checks again and let them finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: one step found a problem. &quot;See the verdict&quot; explains what it means.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 steps found a problem. &quot;See the verdict&quot; explains what it means.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: nothing failed, but something is worth a look. &quot;See the verdict&quot; explains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: every step worked. &quot;See the verdict&quot; sums it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still running: %1 Gives up in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::ErrorPage</name>
    <message>
        <source>What this error means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message you pasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error message you pasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Run the checks&quot; now tests the connection step by step, to confirm this or find another cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmdoctor cannot tell which program wrote this message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was written by: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who should act: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::ExportPage</name>
    <message>
        <source>Send a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give whoever can fix it everything llmdoctor found. Copy the message below into an e-mail or a support form, and attach the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a summar&amp;y of the checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verdict and every check&apos;s result as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;HTML page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one file to attach or open in a browser, with the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;DF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same, on printable pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to paste into a GitHub issue or a support form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for scripts and tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HA&amp;R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every HTTP request, opens in a browser&apos;s developer tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain text for an e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For whoever maintains your app or server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A command that repeats the request with curl, so they can see the failure themselves. It reads the key from an environment variable; the key is not in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the message ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key was used, so none can be in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your API key appears only as %1: enough to tell which key it was, not enough to use it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::KeyStore</name>
    <message>
        <source>The system keychain refused access, so the key is kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available on this computer, so the key is kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::LatencyChart</name>
    <message>
        <source>Chart of how long each request took over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to answer (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual range: half of the requests were faster than the lower edge, nine in ten faster than the upper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked: time to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests yet
The chart fills in as soon as the first request is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>From %1 to %2: %n request(s) failed.</source>
        <translation>
            <numerusform>From %1 to %2: %n request failed.</numerusform>
            <numerusform>From %1 to %2: %n requests failed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Half of the requests that worked answered within %1, nine in ten within %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from a gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from a gateway that stopped waiting for the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from a gateway that lost its connection to the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(too many requests: the provider asks to slow down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the account&apos;s quota or credit is used up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the provider is overloaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the provider has an outage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the provider&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the API key was missing or refused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the key may not do this)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the model name is not known there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing at that address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the server refused the request as it was written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was cut before an answer came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not connect in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s name could not be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the network could not reach the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secure connection could not be set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy could not pass the request on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended after: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed through: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Went through your proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected over IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During a provider incident: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: time until it failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::MainWindow</name>
    <message>
        <source>llmdoctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is going wrong?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this error means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the first page; what you typed is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run the checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the &amp;verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops the checks now (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wait and retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait and retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the API again and again, waiting in between, until it answers: what support articles tell you to do by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch over &amp;time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens a window that asks the API at a fixed interval and charts the answers, to catch problems that come and go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the &amp;checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next: what the error means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: what the error means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the checks first: there is nothing to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1. Nothing is lost; choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied a curl command. It reads the key from $%1; set that first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the summary ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About llmdoctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What llmdoctor is, its version and where to get help (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: send a &amp;report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: send a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message to send to whoever should act, and the report as HTML, PDF, Markdown, JSON, HAR or text. Your API key is never in any of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the &amp;verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;llmdoctor %1&lt;/h3&gt;&lt;p&gt;Finds out why calls to an AI service fail, and tells you in plain words whose side the problem is on and what to do next.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;It tests each step between your computer and the service: finding the server, connecting, the secure connection, the proxy, the answer, your key and the model. Your API key stays on this computer and is never written into a report.&lt;/p&gt;&lt;p&gt;Qt %1 · %2&lt;/p&gt;&lt;p&gt;Command line: &lt;code&gt;llmdoctor --help&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practice server could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice: llmdoctor&apos;s own test server on this computer is simulating %1. Nothing here is about your real service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmdoctor (practice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;bout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed the address to %1; press Run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed the model to %1; press Run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on this computer opened %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 in your browser. Make a key there, put it in the key field on the first page, then run the checks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 in your browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the company certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks will also trust the certificates in %1; press Run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed the proxy setting to this computer&apos;s settings; press Run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed the proxy setting to connect directly; press Run again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::ModelChooser</name>
    <message>
        <source>Choose a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The models this server offers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server has no model called &quot;%1&quot;. The models it offers, the closest names first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model name contains that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use this model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::MonitorWindow</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the server (DNS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Securing the connection (TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmdoctor: watch over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the API for its list of models again and again, and draws how long each answer took. Leave it running to catch problems that come and go; llmdoctor points out patterns that a single request cannot show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until I stop it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves every request as one line of a spreadsheet file (time, status, each phase in ms). Your API key is not in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split each request into finding the server, connecting, securing the connection and waiting for the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typical (p50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow (p90)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest 1% (p99)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50: half of the requests were faster. p90: nine in ten were faster. p99: only one in a hundred was slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to watch %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 request, %1% worked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests, %2% worked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern found in %1 requests: %2.
What to do: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to export yet: no request has been made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2. The requests are still here; choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 requests to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching %1 every %2 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While watching, also follow the route to the server hop by hop (like traceroute, without administrator rights) and show at which hop packets get lost or slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route cannot be followed: %1 could not be looked up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route cannot be followed here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed requests, until they failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of them worked: the chart and the table show how long each one took until it failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::PathDiagram</name>
    <message>
        <source>The path of a request, from your computer to the model server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy or gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider&apos;s edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not known where the request broke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request broke at: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::PathView</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route to the server, hop by hop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip (typical, slowest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No route followed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::PhaseChart</name>
    <message>
        <source>Chart of how long each step of the test request took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Securing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test request took %1 in total; most of it went to: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most of the time went to: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, failed here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <comment>lowercase phase names in sentences</comment>
        <extracomment>&quot;yes&quot; where a phase name (&quot;Connecting&quot;) is lowercased inside a sentence, &quot;no&quot; where not</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::PracticeBox</name>
    <message>
        <source>502 Bad Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;upstream connect error or disconnect/reset before headers&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection is cut before any answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>429 Too Many Requests (goes away if you wait)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>401: the API key is refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model name is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>504 Gateway Time-out (a time limit on the way)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>529: the provider is overloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer at all (a timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate your computer does not trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problem right now? Try it on a simulated failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmdoctor starts a test server of its own on this computer that fails on purpose, and runs the checks against it, so you can see what each failure looks like. Nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure to simulate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it on a simulated failure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::ResultPage</name>
    <message>
        <source>Who should act: nobody, everything works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who should act: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the time went in the test request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No timing to show: the test request did not get far enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmdoctor summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do next:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timings of the test request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other problems the checks found. Fix the one above first: it blocks everything now; these come next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (who should act: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also found:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error you pasted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use this address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts %1 in the address field on the first page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a &amp;model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the models this server offers, the closest names first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the status page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the page where you make a &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the company certificate &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate file your IT department gives out (.pem or .crt): the checks then trust what it signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the system &amp;proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets the proxy to this computer&apos;s proxy settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go &amp;direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets the proxy to none: connect to the API directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy request &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the request ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s support can find this request by its ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the request ID %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The provider asks you to wait %n second(s).</source>
        <translation>
            <numerusform>The provider asks you to wait %n second.</numerusform>
            <numerusform>The provider asks you to wait %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider&apos;s ID for this request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the models this provider offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The models the provider listed during the checks; choosing one puts it in the model field on the first page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::RetryPage</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait and retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most 502, 503, 429 and connection errors go away by themselves within minutes. llmdoctor asks the API again and again, waiting as long as the server asks or a little longer each time, the way the official OpenAI and Anthropic libraries do, and stops as soon as it works or when waiting cannot help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep trying for at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>times, for at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left before the next attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waited before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying: next attempt in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying: attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry: it worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt 1: asking the API…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1: asking the API again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered, but without the model &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting %1 before trying again: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: it worked at the first attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: it worked after %1 attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after one attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after %1 attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: retrying cannot help here, so it stopped after one attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: it still did not work after %1 attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the checks a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the checks again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes back to the checks and runs them all again, now that the API answers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::SavedFileBar</name>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the saved file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the folder the file was saved in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on this computer opened %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::SnippetGroup</name>
    <message numerus="yes">
        <source>Copyable fixes for whoever maintains your app (%n)</source>
        <translation>
            <numerusform>Copyable fix for whoever maintains your app (%n)</numerusform>
            <numerusform>Copyable fixes for whoever maintains your app (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::SnippetView</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::StartPage</name>
    <message>
        <source>What is going wrong?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmdoctor tests the connection to your AI service step by step and tells you, in plain words, what is wrong and whose side the problem is on. Type the address your app uses, then run the checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also called the &quot;base URL&quot; or &quot;endpoint&quot; in your app&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. sk-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps the key in your system&apos;s password store (GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager), never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. gpt-4o-mini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the provider for its models, using the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error message you got (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: paste the error your app showed, for example &quot;502 Bad Gateway&quot; or &quot;upstream connect error…&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;error you got:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dvanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proxy: connect directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the system settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up after this many seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only if your company gave you one (a .pem or .crt file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra trusted certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Give up after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra trusted certi&amp;ficate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a trusted certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the proxy address, or choose another proxy setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available: start typing to pick one.</source>
        <translation>
            <numerusform>%n model available: start typing to pick it.</numerusform>
            <numerusform>%n models available: start typing to pick one.</numerusform>
        </translation>
    </message>
    <message>
        <source>This provider has no model called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider has no model called &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the provider for its models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The models could not be listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the system keychain when you run the checks; untick to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in memory only, never saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also send two tiny test requests, one of them streamed (may cost a fraction of a cent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also find out how long the server keeps an &amp;idle connection open (up to 15 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apps that reuse connections fail with &quot;reset before headers&quot; when they keep one longer than the server does. This reuses one connection after growing pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like traceroute, without administrator rights: which routers lie between you and the server, and from which one on packets go missing (your Wi-Fi, your internet provider, or the API&apos;s own network).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the key on this &amp;computer (system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the m&amp;odels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also follow the ro&amp;ute hop by hop, to see where packets are lost (about 10 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the API address first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the API address first (the red line under it says how).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the proxy address first, or choose another proxy setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the proxy address first (under Advanced settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised from the address: another OpenAI-compatible server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised from the address: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised from the key: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmdoctor::ui::TermHelp</name>
    <message>
        <source>What the words mean</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
