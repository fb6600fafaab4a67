<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</context>
</TS>
