<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddLinkCommand</name>
    <message>
        <source>Link %1 to %2</source>
        <translation>%1 mit %2 verknüpfen</translation>
    </message>
</context>
<context>
    <name>AddNodeCommand</name>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>The recovery file is damaged.</source>
        <translation>Die Wiederherstellungsdatei ist beschädigt.</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>API gateway</source>
        <translation>API-Gateway</translation>
    </message>
    <message>
        <source>Routes API requests to services like Kong, with authentication and rate limiting.</source>
        <translation>Leitet API-Anfragen wie Kong an Dienste weiter, mit Authentifizierung und Ratenbegrenzung.</translation>
    </message>
    <message>
        <source>Requests allowed per second, more get 429; 0 is unlimited.</source>
        <translation>Erlaubte Anfragen pro Sekunde, weitere erhalten 429; 0 heißt unbegrenzt.</translation>
    </message>
    <message>
        <source>Requests allowed per minute, more get 429; 0 is unlimited.</source>
        <translation>Erlaubte Anfragen pro Minute, weitere erhalten 429; 0 heißt unbegrenzt.</translation>
    </message>
    <message>
        <source>What the limits count per: consumer (falling back to client IP), client IP, service or path.</source>
        <translation>Wonach die Limits zählen: consumer (pro Consumer, ersatzweise pro Client-IP), ip (pro Client-IP), service (pro Dienst) oder path (pro Pfad).</translation>
    </message>
    <message>
        <source>Require an API key in the apikey header or query parameter, else 401.</source>
        <translation>API-Schlüssel im Header oder Query-Parameter apikey verlangen, sonst 401.</translation>
    </message>
    <message>
        <source>Keys accepted by key authentication.</source>
        <translation>Schlüssel, die die Schlüssel-Authentifizierung akzeptiert.</translation>
    </message>
    <message>
        <source>Require an HS256 JSON Web Token in the Authorization header, else 401.</source>
        <translation>HS256-JSON-Web-Token im Authorization-Header verlangen, sonst 401.</translation>
    </message>
    <message>
        <source>Shared secret that signs accepted tokens.</source>
        <translation>Gemeinsames Geheimnis, mit dem akzeptierte Tokens signiert sind.</translation>
    </message>
    <message>
        <source>Further attempts after a connection failure to a service.</source>
        <translation>Weitere Versuche nach einem Verbindungsfehler zu einem Dienst.</translation>
    </message>
    <message>
        <source>Path prefix routed to this service; empty uses the service&apos;s node id, as in /orders.</source>
        <translation>Pfadpräfix, das zu diesem Dienst geroutet wird; leer nimmt die Knoten-ID des Dienstes, etwa /orders.</translation>
    </message>
    <message>
        <source>Remove the matched prefix before forwarding the request.</source>
        <translation>Das passende Präfix vor dem Weiterleiten der Anfrage entfernen.</translation>
    </message>
    <message>
        <source>Application server</source>
        <translation>Anwendungsserver</translation>
    </message>
    <message>
        <source>Answers API requests with configurable work, calling the databases, caches and services it is linked to.</source>
        <translation>Beantwortet API-Anfragen mit einstellbarem Arbeitsaufwand und ruft die verknüpften Datenbanken, Caches und Dienste auf.</translation>
    </message>
    <message>
        <source>Work time added to each request before it is answered.</source>
        <translation>Arbeitszeit, die zu jeder Anfrage hinzukommt, bevor sie beantwortet wird.</translation>
    </message>
    <message>
        <source>Random extra work time, from zero up to this value.</source>
        <translation>Zufällige zusätzliche Arbeitszeit, von null bis zu diesem Wert.</translation>
    </message>
    <message>
        <source>Size of each response body.</source>
        <translation>Größe des Bodys jeder Antwort.</translation>
    </message>
    <message>
        <source>Fraction of requests answered with 500, from 0 to 1.</source>
        <translation>Anteil der Anfragen, die mit 500 beantwortet werden, von 0 bis 1.</translation>
    </message>
    <message>
        <source>Requests worked on at once, further ones queue; 0 is unlimited.</source>
        <translation>Gleichzeitig bearbeitete Anfragen, weitere kommen in die Warteschlange; 0 heißt unbegrenzt.</translation>
    </message>
    <message>
        <source>SQL sent on each database call; {n} becomes the last number in the request path.</source>
        <translation>SQL, das bei jedem Datenbankaufruf gesendet wird; {n} wird zur letzten Zahl im Anfragepfad.</translation>
    </message>
    <message>
        <source>Connections kept open to each linked database; calls wait for a free one.</source>
        <translation>Offen gehaltene Verbindungen zu jeder verknüpften Datenbank; Aufrufe warten auf eine freie.</translation>
    </message>
    <message>
        <source>Look results up in the linked cache first and store them there after a miss.</source>
        <translation>Ergebnisse zuerst im verknüpften Cache nachschlagen und nach einem Cache-Miss dort ablegen.</translation>
    </message>
    <message>
        <source>Expiry of values stored in the cache; 0 stores them without expiry.</source>
        <translation>Ablaufzeit der im Cache abgelegten Werte; 0 legt sie ohne Ablaufzeit ab.</translation>
    </message>
    <message>
        <source>A call to a linked node that takes longer fails the request with 504.</source>
        <translation>Dauert ein Aufruf an einen verknüpften Knoten länger, scheitert die Anfrage mit 504.</translation>
    </message>
    <message>
        <source>Calls made on this link for each request: SQL queries, cache lookups or HTTP requests.</source>
        <translation>Aufrufe über diese Verknüpfung pro Anfrage: SQL-Abfragen, Cache-Zugriffe oder HTTP-Anfragen.</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>An in-memory key-value store that speaks Redis RESP, so redis-cli can connect.</source>
        <translation>Ein Schlüssel-Wert-Speicher im Arbeitsspeicher, der Redis RESP spricht, sodass sich redis-cli verbinden kann.</translation>
    </message>
    <message>
        <source>Memory limit for the data, enforced by maxmemory_policy; 0 is unlimited.</source>
        <translation>Speicherlimit für die Daten, durchgesetzt über maxmemory_policy; 0 heißt unbegrenzt.</translation>
    </message>
    <message>
        <source>What happens at the memory limit: noeviction refuses writes with OOM, the others evict keys.</source>
        <translation>Was beim Speicherlimit geschieht: noeviction lehnt Schreibzugriffe mit OOM ab, die anderen verdrängen Schlüssel.</translation>
    </message>
    <message>
        <source>Password clients must send with AUTH; empty needs none.</source>
        <translation>Passwort, das Clients mit AUTH senden müssen; leer heißt keines.</translation>
    </message>
    <message>
        <source>Close a client connection idle this long; 0 never does.</source>
        <translation>Client-Verbindungen nach so langer Leerlaufzeit schließen; 0 schließt nie.</translation>
    </message>
    <message>
        <source>Number of databases SELECT can switch between.</source>
        <translation>Anzahl der Datenbanken, zwischen denen SELECT wechseln kann.</translation>
    </message>
    <message>
        <source>Clients connected at once; one more gets &quot;max number of clients reached&quot;.</source>
        <translation>Gleichzeitig verbundene Clients; ein weiterer erhält „max number of clients reached“.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>A SQL database that speaks the PostgreSQL wire protocol, so psql and pgbench can connect.</source>
        <translation>Eine SQL-Datenbank, die das PostgreSQL-Wire-Protokoll spricht, sodass sich psql und pgbench verbinden können.</translation>
    </message>
    <message>
        <source>User name clients log in with.</source>
        <translation>Benutzername, mit dem sich Clients anmelden.</translation>
    </message>
    <message>
        <source>Password of the user; ignored with trust authentication.</source>
        <translation>Passwort des Benutzers; bei trust-Authentifizierung ignoriert.</translation>
    </message>
    <message>
        <source>Name of the database clients connect to.</source>
        <translation>Name der Datenbank, mit der sich Clients verbinden.</translation>
    </message>
    <message>
        <source>How clients prove the password, as in pg_hba.conf; trust asks for none.</source>
        <translation>Wie Clients das Passwort nachweisen, wie in pg_hba.conf; trust verlangt keines.</translation>
    </message>
    <message>
        <source>Sessions open at once; one more gets &quot;too many clients&quot; (53300).</source>
        <translation>Gleichzeitig offene Sitzungen; eine weitere erhält „too many clients“ (53300).</translation>
    </message>
    <message>
        <source>Statements running longer are cancelled (57014); 0 is no limit.</source>
        <translation>Länger laufende Anweisungen werden abgebrochen (57014); 0 heißt kein Limit.</translation>
    </message>
    <message>
        <source>File that keeps the data between runs; empty keeps it in memory only.</source>
        <translation>Datei, die die Daten zwischen Läufen aufbewahrt; leer hält sie nur im Arbeitsspeicher.</translation>
    </message>
    <message>
        <source>SQL file run at start, for example to create and fill tables.</source>
        <translation>SQL-Datei, die beim Start ausgeführt wird, etwa um Tabellen anzulegen und zu füllen.</translation>
    </message>
    <message>
        <source>Create the pgbench tables at this scale at start; 0 creates none.</source>
        <translation>Beim Start die pgbench-Tabellen mit diesem Skalierungsfaktor anlegen; 0 legt keine an.</translation>
    </message>
    <message>
        <source>Load balancer</source>
        <translation>Load Balancer</translation>
    </message>
    <message>
        <source>Balances requests across its backends like HAProxy, with health checks, retries and sticky sessions.</source>
        <translation>Verteilt Anfragen wie HAProxy auf seine Backends, mit Health-Checks, Wiederholungen und Sticky Sessions.</translation>
    </message>
    <message>
        <source>How a backend is chosen for each request.</source>
        <translation>Wie für jede Anfrage ein Backend gewählt wird.</translation>
    </message>
    <message>
        <source>Path requested by active health checks.</source>
        <translation>Pfad, den aktive Health-Checks abfragen.</translation>
    </message>
    <message>
        <source>Time between two health checks of a backend.</source>
        <translation>Zeit zwischen zwei Health-Checks eines Backends.</translation>
    </message>
    <message>
        <source>A health check without a 2xx or 3xx answer in this time fails.</source>
        <translation>Ein Health-Check ohne 2xx- oder 3xx-Antwort innerhalb dieser Zeit schlägt fehl.</translation>
    </message>
    <message>
        <source>Consecutive successful checks that mark a backend up.</source>
        <translation>Aufeinanderfolgende erfolgreiche Checks, nach denen ein Backend als verfügbar gilt.</translation>
    </message>
    <message>
        <source>Consecutive failed checks that mark a backend down.</source>
        <translation>Aufeinanderfolgende fehlgeschlagene Checks, nach denen ein Backend als ausgefallen gilt.</translation>
    </message>
    <message>
        <source>Cookie name for sticky sessions; empty turns them off.</source>
        <translation>Cookie-Name für Sticky Sessions; leer schaltet sie ab.</translation>
    </message>
    <message>
        <source>Further attempts, on another backend, after a connection failure.</source>
        <translation>Weitere Versuche auf einem anderen Backend nach einem Verbindungsfehler.</translation>
    </message>
    <message>
        <source>How long a request waits for a backend below its max_connections before it gets 503.</source>
        <translation>Wie lange eine Anfrage auf ein Backend unterhalb seiner max_connections wartet, bevor sie 503 erhält.</translation>
    </message>
    <message>
        <source>5xx answers in a row that eject a backend for a while; 0 turns passive ejection off.</source>
        <translation>5xx-Antworten in Folge, nach denen ein Backend eine Zeit lang ausgeschlossen wird; 0 schaltet den passiven Ausschluss ab.</translation>
    </message>
    <message>
        <source>Ejection time, multiplied by the number of times the backend was ejected.</source>
        <translation>Ausschlussdauer, multipliziert mit der Anzahl der bisherigen Ausschlüsse des Backends.</translation>
    </message>
    <message>
        <source>Largest share of backends ejected at once; one can always be ejected.</source>
        <translation>Größter Anteil gleichzeitig ausgeschlossener Backends; eines kann immer ausgeschlossen werden.</translation>
    </message>
    <message>
        <source>Path of the statistics page, not forwarded; empty turns it off.</source>
        <translation>Pfad der Statistikseite, wird nicht weitergeleitet; leer schaltet sie ab.</translation>
    </message>
    <message>
        <source>Add X-Forwarded-For, X-Forwarded-Proto and X-Real-IP to forwarded requests.</source>
        <translation>X-Forwarded-For, X-Forwarded-Proto und X-Real-IP zu weitergeleiteten Anfragen hinzufügen.</translation>
    </message>
    <message>
        <source>Share of traffic relative to other backends.</source>
        <translation>Anteil am Traffic im Verhältnis zu den anderen Backends.</translation>
    </message>
    <message>
        <source>Used only when no primary backend is up.</source>
        <translation>Wird nur genutzt, wenn kein primäres Backend verfügbar ist.</translation>
    </message>
    <message>
        <source>Concurrent requests to this backend; 0 is unlimited.</source>
        <translation>Gleichzeitige Anfragen an dieses Backend; 0 heißt unbegrenzt.</translation>
    </message>
    <message>
        <source>Reverse proxy</source>
        <translation>Reverse Proxy</translation>
    </message>
    <message>
        <source>Forwards every request to its upstreams like nginx proxy_pass, with an optional response cache.</source>
        <translation>Leitet jede Anfrage wie nginx proxy_pass an seine Upstreams weiter, optional mit Antwort-Cache.</translation>
    </message>
    <message>
        <source>Cache GET and HEAD responses.</source>
        <translation>GET- und HEAD-Antworten cachen.</translation>
    </message>
    <message>
        <source>How long a response without caching headers is kept.</source>
        <translation>Wie lange eine Antwort ohne Caching-Header aufbewahrt wird.</translation>
    </message>
    <message>
        <source>Size of the response cache; the least recently used entries go first.</source>
        <translation>Größe des Antwort-Caches; die am längsten ungenutzten Einträge werden zuerst verdrängt.</translation>
    </message>
    <message>
        <source>Traffic generator</source>
        <translation>Lastgenerator</translation>
    </message>
    <message>
        <source>Sends real HTTP load to its linked nodes, closed (like wrk) or open (constant arrival rate, like wrk2).</source>
        <translation>Erzeugt echte HTTP-Last auf seinen verknüpften Knoten, geschlossen (wie wrk) oder offen (konstante Ankunftsrate, wie wrk2).</translation>
    </message>
    <message>
        <source>Request mix: method, path ({n} is filled with a number), relative weight and optional body.</source>
        <translation>Anfragemix: Methode, Pfad ({n} wird durch eine Zahl ersetzt), relative Gewichtung und optionaler Body.</translation>
    </message>
    <message>
        <source>closed: each connection sends its next request when the last one is answered; open: requests arrive at a fixed rate whatever the latency.</source>
        <translation>closed: Jede Verbindung sendet ihre nächste Anfrage, sobald die vorige beantwortet ist; open: Anfragen treffen unabhängig von der Latenz mit fester Rate ein.</translation>
    </message>
    <message>
        <source>Concurrent connections: the virtual users in closed mode, the cap on requests in flight in open mode.</source>
        <translation>Gleichzeitige Verbindungen: im closed-Modus die virtuellen Benutzer, im open-Modus die Obergrenze für laufende Anfragen.</translation>
    </message>
    <message>
        <source>Requests per second in open mode.</source>
        <translation>Anfragen pro Sekunde im open-Modus.</translation>
    </message>
    <message>
        <source>How long to run; 0 runs until stopped.</source>
        <translation>Laufzeit; 0 läuft bis zum Anhalten.</translation>
    </message>
    <message>
        <source>Pause of each connection between a response and its next request (closed mode).</source>
        <translation>Pause jeder Verbindung zwischen einer Antwort und ihrer nächsten Anfrage (closed-Modus).</translation>
    </message>
    <message>
        <source>Load over time: constant, ramp (up to full load over one period), steps (a quarter more each period) or spike (a tenth of full load, full load for the last tenth of each period).</source>
        <translation>Lastverlauf: constant (gleichbleibend), ramp (steigt innerhalb einer Periode bis zur vollen Last), steps (jede Periode ein Viertel mehr) oder spike (ein Zehntel der vollen Last, volle Last im letzten Zehntel jeder Periode).</translation>
    </message>
    <message>
        <source>Length of one period of the ramp, steps and spike profiles.</source>
        <translation>Länge einer Periode der Profile ramp, steps und spike.</translation>
    </message>
    <message>
        <source>How {n} is drawn from 1 to path_keys: uniform, or zipf (a few hot keys get most requests).</source>
        <translation>Wie {n} aus 1 bis path_keys gezogen wird: uniform (gleichverteilt) oder zipf (wenige heiße Schlüssel erhalten die meisten Anfragen).</translation>
    </message>
    <message>
        <source>How many different numbers {n} can take, from 1 up.</source>
        <translation>Wie viele verschiedene Zahlen {n} annehmen kann, ab 1.</translation>
    </message>
    <message>
        <source>A request without a complete response in this time counts as a timeout error.</source>
        <translation>Eine Anfrage ohne vollständige Antwort innerhalb dieser Zeit zählt als Timeout-Fehler.</translation>
    </message>
    <message>
        <source>Reuse connections; off opens a new connection per request.</source>
        <translation>Verbindungen wiederverwenden; aus öffnet für jede Anfrage eine neue Verbindung.</translation>
    </message>
    <message>
        <source>Share of requests sent to this target, relative to the other linked targets.</source>
        <translation>Anteil der Anfragen an dieses Ziel im Verhältnis zu den anderen verknüpften Zielen.</translation>
    </message>
    <message>
        <source>Web server</source>
        <translation>Webserver</translation>
    </message>
    <message>
        <source>Serves static files like nginx and passes chosen path prefixes on to its linked upstreams.</source>
        <translation>Liefert wie nginx statische Dateien aus und reicht ausgewählte Pfadpräfixe an seine verknüpften Upstreams weiter.</translation>
    </message>
    <message>
        <source>Folder to serve; empty serves the bundled demo site.</source>
        <translation>Auszuliefernder Ordner; leer liefert die mitgelieferte Demo-Website aus.</translation>
    </message>
    <message>
        <source>Path prefixes sent on to the linked upstreams.</source>
        <translation>Pfadpräfixe, die an die verknüpften Upstreams weitergereicht werden.</translation>
    </message>
    <message>
        <source>File served for a request that names a folder.</source>
        <translation>Datei, die bei einer Anfrage nach einem Ordner ausgeliefert wird.</translation>
    </message>
    <message>
        <source>Compress text responses for clients that accept gzip.</source>
        <translation>Textantworten für Clients komprimieren, die gzip akzeptieren.</translation>
    </message>
    <message>
        <source>Folder with pages named after the status (404.html); empty uses nginx-like built-in pages.</source>
        <translation>Ordner mit Seiten, die nach dem Status benannt sind (404.html); leer nutzt eingebaute Seiten wie bei nginx.</translation>
    </message>
    <message>
        <source>TCP port on 127.0.0.1; 0 picks a free port at start.</source>
        <translation>TCP-Port auf 127.0.0.1; 0 wählt beim Start einen freien Port.</translation>
    </message>
    <message>
        <source>Time a client has to send the request line and headers before it gets 408.</source>
        <translation>Zeit, die ein Client für Anfragezeile und Header hat, bevor er 408 erhält.</translation>
    </message>
    <message>
        <source>Longest pause between two reads of a request body before the request gets 408.</source>
        <translation>Längste Pause zwischen zwei Lesevorgängen eines Anfrage-Bodys, bevor die Anfrage 408 erhält.</translation>
    </message>
    <message>
        <source>How long an idle keep-alive connection stays open; 0 closes after each response.</source>
        <translation>Wie lange eine Keep-alive-Verbindung im Leerlauf offen bleibt; 0 schließt nach jeder Antwort.</translation>
    </message>
    <message>
        <source>Longest wait between two writes of a response before the connection is closed (as nginx&apos;s send_timeout: it times each pause, not the whole response).</source>
        <translation>Längste Wartezeit zwischen zwei Schreibvorgängen einer Antwort, bevor die Verbindung geschlossen wird (wie send_timeout von nginx: gemessen wird jede Pause, nicht die ganze Antwort).</translation>
    </message>
    <message>
        <source>Largest request body accepted, larger ones get 413; 0 is unlimited.</source>
        <translation>Größter akzeptierter Anfrage-Body, größere erhalten 413; 0 heißt unbegrenzt.</translation>
    </message>
    <message>
        <source>Client connections open at once; further ones wait in the listen queue while the oldest idle ones are closed to make room; 0 is unlimited.</source>
        <translation>Gleichzeitig offene Client-Verbindungen; weitere warten in der Listen-Warteschlange, während die ältesten untätigen geschlossen werden, um Platz zu schaffen; 0 heißt unbegrenzt.</translation>
    </message>
    <message>
        <source>File that gets one combined-format line per request; empty turns the log off.</source>
        <translation>Datei, die pro Anfrage eine Zeile im combined-Format erhält; leer schaltet das Log ab.</translation>
    </message>
    <message>
        <source>Time to open a connection to an upstream before the attempt fails.</source>
        <translation>Zeit für den Verbindungsaufbau zu einem Upstream, bevor der Versuch fehlschlägt.</translation>
    </message>
    <message>
        <source>Longest wait for an upstream&apos;s response before the client gets 504.</source>
        <translation>Längste Wartezeit auf die Antwort eines Upstreams, bevor der Client 504 erhält.</translation>
    </message>
    <message>
        <source>Idle connections kept open to each upstream; 0 opens a new connection per request.</source>
        <translation>Zu jedem Upstream offen gehaltene Verbindungen im Leerlauf; 0 öffnet für jede Anfrage eine neue Verbindung.</translation>
    </message>
    <message>
        <source>Stop sending after this many requests (like hey -n); 0 sets no limit.</source>
        <translation>Nach so vielen Anfragen nicht mehr senden (wie hey -n); 0 setzt keine Grenze.</translation>
    </message>
    <message>
        <source>Skew of the zipf distribution: key k is drawn with weight 1/k^exponent; larger values make the hot keys hotter.</source>
        <translation>Schiefe der Zipf-Verteilung: Schlüssel k wird mit dem Gewicht 1/k^Exponent gezogen; größere Werte machen die häufigen Schlüssel noch häufiger.</translation>
    </message>
    <message>
        <source>Extra targets outside the lab, as http://127.0.0.1:PORT (this machine only), sent to alongside the linked nodes.</source>
        <translation>Zusätzliche Ziele außerhalb des Labors, als http://127.0.0.1:PORT (nur dieser Rechner), die neben den verbundenen Knoten Anfragen erhalten.</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Open model: requests arrive at the rate below.</source>
        <translation>Offenes Modell: Anfragen treffen mit der unten angegebenen Rate ein.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Header timeout</source>
        <translation>Header-Timeout</translation>
    </message>
    <message>
        <source>Body timeout</source>
        <translation>Body-Timeout</translation>
    </message>
    <message>
        <source>Keep-alive timeout</source>
        <translation>Keep-alive-Timeout</translation>
    </message>
    <message>
        <source>Send timeout</source>
        <translation>Sende-Timeout</translation>
    </message>
    <message>
        <source>Largest request body</source>
        <translation>Größter Anfrage-Body</translation>
    </message>
    <message>
        <source>Client connections</source>
        <translation>Client-Verbindungen</translation>
    </message>
    <message>
        <source>Access log file</source>
        <translation>Zugriffsprotokoll-Datei</translation>
    </message>
    <message>
        <source>Upstream connect timeout</source>
        <translation>Upstream-Verbindungs-Timeout</translation>
    </message>
    <message>
        <source>Upstream response timeout</source>
        <translation>Upstream-Antwort-Timeout</translation>
    </message>
    <message>
        <source>Idle upstream connections</source>
        <translation>Ruhende Upstream-Verbindungen</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Lauschen</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Balancing</source>
        <translation>Lastverteilung</translation>
    </message>
    <message>
        <source>Health checks</source>
        <translation>Health-Checks</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Caching</source>
        <translation>Caching</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Upstreams</source>
        <translation>Upstreams</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Timeouts</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Protokollierung</translation>
    </message>
    <message>
        <source>Rate limit per second</source>
        <translation>Ratenlimit pro Sekunde</translation>
    </message>
    <message>
        <source>Rate limit per minute</source>
        <translation>Ratenlimit pro Minute</translation>
    </message>
    <message>
        <source>Rate limit by</source>
        <translation>Ratenlimit nach</translation>
    </message>
    <message>
        <source>Key authentication</source>
        <translation>Schlüssel-Authentifizierung</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>JWT authentication</source>
        <translation>JWT-Authentifizierung</translation>
    </message>
    <message>
        <source>JWT secret</source>
        <translation>JWT-Geheimnis</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Route path</source>
        <translation>Routenpfad</translation>
    </message>
    <message>
        <source>Strip path</source>
        <translation>Pfad entfernen</translation>
    </message>
    <message>
        <source>Work time</source>
        <translation>Arbeitszeit</translation>
    </message>
    <message>
        <source>Work time jitter</source>
        <translation>Arbeitszeit-Streuung</translation>
    </message>
    <message>
        <source>Response size</source>
        <translation>Antwortgröße</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>Concurrent requests</source>
        <translation>Gleichzeitige Anfragen</translation>
    </message>
    <message>
        <source>Database query</source>
        <translation>Datenbankabfrage</translation>
    </message>
    <message>
        <source>Database pool size</source>
        <translation>Größe des Datenbank-Pools</translation>
    </message>
    <message>
        <source>Cache-aside</source>
        <translation>Cache-aside</translation>
    </message>
    <message>
        <source>Cache lifetime</source>
        <translation>Cache-Lebensdauer</translation>
    </message>
    <message>
        <source>Call timeout</source>
        <translation>Aufruf-Timeout</translation>
    </message>
    <message>
        <source>Calls per request</source>
        <translation>Aufrufe pro Anfrage</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>Speichergrenze</translation>
    </message>
    <message>
        <source>Eviction policy</source>
        <translation>Verdrängungsstrategie</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Leerlauf-Timeout</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Datenbankname</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Statement timeout</source>
        <translation>Anweisungs-Timeout</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>Datendatei</translation>
    </message>
    <message>
        <source>Init script</source>
        <translation>Init-Skript</translation>
    </message>
    <message>
        <source>pgbench scale</source>
        <translation>pgbench-Skalierung</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>Check path</source>
        <translation>Prüfpfad</translation>
    </message>
    <message>
        <source>Check interval</source>
        <translation>Prüfintervall</translation>
    </message>
    <message>
        <source>Check timeout</source>
        <translation>Prüf-Timeout</translation>
    </message>
    <message>
        <source>Checks to mark up</source>
        <translation>Prüfungen bis verfügbar</translation>
    </message>
    <message>
        <source>Checks to mark down</source>
        <translation>Prüfungen bis ausgefallen</translation>
    </message>
    <message>
        <source>Sticky session cookie</source>
        <translation>Sticky-Session-Cookie</translation>
    </message>
    <message>
        <source>Queue timeout</source>
        <translation>Warteschlangen-Timeout</translation>
    </message>
    <message>
        <source>5xx in a row to eject</source>
        <translation>5xx in Folge bis zum Auswerfen</translation>
    </message>
    <message>
        <source>Ejection time</source>
        <translation>Auswurfdauer</translation>
    </message>
    <message>
        <source>Most backends ejected</source>
        <translation>Höchstens ausgeworfene Backends</translation>
    </message>
    <message>
        <source>Statistics page path</source>
        <translation>Pfad der Statistikseite</translation>
    </message>
    <message>
        <source>Forwarded headers</source>
        <translation>Forwarded-Header</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>Cache responses</source>
        <translation>Antworten cachen</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>Cache-Größe</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>Lastmodell</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Request limit</source>
        <translation>Anfragelimit</translation>
    </message>
    <message>
        <source>Think time</source>
        <translation>Denkzeit</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Profile period</source>
        <translation>Profilperiode</translation>
    </message>
    <message>
        <source>Key distribution</source>
        <translation>Schlüsselverteilung</translation>
    </message>
    <message>
        <source>Number of keys</source>
        <translation>Anzahl der Schlüssel</translation>
    </message>
    <message>
        <source>Zipf exponent</source>
        <translation>Zipf-Exponent</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>Anfrage-Timeout</translation>
    </message>
    <message>
        <source>Keep connections open</source>
        <translation>Verbindungen offen halten</translation>
    </message>
    <message>
        <source>Extra targets</source>
        <translation>Zusätzliche Ziele</translation>
    </message>
    <message>
        <source>Closed mode has no target rate: %1 connections send as fast as answers come. Set Mode to open to send at a rate.</source>
        <translation>Der geschlossene Modus hat keine Zielrate: %1 Verbindungen senden so schnell, wie Antworten kommen. Stellen Sie den Modus auf offen, um mit einer Rate zu senden.</translation>
    </message>
    <message>
        <source>Site folder</source>
        <translation>Site-Ordner</translation>
    </message>
    <message>
        <source>Forwarded prefixes</source>
        <translation>Weitergeleitete Präfixe</translation>
    </message>
    <message>
        <source>Index file</source>
        <translation>Indexdatei</translation>
    </message>
    <message>
        <source>Gzip compression</source>
        <translation>Gzip-Komprimierung</translation>
    </message>
    <message>
        <source>Error pages folder</source>
        <translation>Ordner der Fehlerseiten</translation>
    </message>
</context>
<context>
    <name>ConfigForm</name>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>Protokoll</translation>
    </message>
</context>
<context>
    <name>DesignLints</name>
    <message>
        <source>%1 is a single point of failure: every app server depends on this one database</source>
        <translation>%1 ist ein Single Point of Failure: Jeder App-Server hängt von dieser einen Datenbank ab</translation>
    </message>
    <message>
        <source>%1 has no backends: link it to the servers it should balance</source>
        <translation>%1 hat keine Backends: Verbinden Sie ihn mit den Servern, auf die er verteilen soll</translation>
    </message>
    <message>
        <source>%1 has only one backend, so it balances nothing: add a second one</source>
        <translation>%1 hat nur ein Backend und verteilt daher nichts: Fügen Sie ein zweites hinzu</translation>
    </message>
    <message>
        <source>%1 has no target: link it to the node it should load</source>
        <translation>%1 hat kein Ziel: Verbinden Sie ihn mit dem Knoten, den er belasten soll</translation>
    </message>
    <message>
        <source>%1 is isolated: nothing calls it and it calls nothing</source>
        <translation>%1 ist isoliert: Nichts ruft ihn auf und er ruft nichts auf</translation>
    </message>
    <message>
        <source>%1 does not run in this version yet: Start skips it, so the requests its callers send it fail</source>
        <translation>%1 läuft in dieser Version noch nicht: Start überspringt den Knoten, daher schlagen die Anfragen seiner Aufrufer an ihn fehl</translation>
    </message>
    <message>
        <source>%1 does not run in this version yet: Start skips it</source>
        <translation>%1 läuft in dieser Version noch nicht: Start überspringt den Knoten</translation>
    </message>
</context>
<context>
    <name>LinkDrag</name>
    <message>
        <source>an %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>a %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>A node cannot link to itself</source>
        <translation>Ein Knoten kann nicht mit sich selbst verbunden werden</translation>
    </message>
    <message>
        <source>%1 already calls %2</source>
        <translation>%1 ruft %2 bereits auf</translation>
    </message>
    <message>
        <source>Unknown kinds cannot be linked</source>
        <translation>Unbekannte Arten können nicht verbunden werden</translation>
    </message>
    <message>
        <source>%1 cannot call %2</source>
        <translation>%1 kann %2 nicht aufrufen</translation>
    </message>
</context>
<context>
    <name>LinkItem</name>
    <message>
        <source>weight %1</source>
        <translation>Gewicht %1</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>max. %1</translation>
    </message>
</context>
<context>
    <name>LiveState</name>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>wird gestartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>gestört</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird angehalten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>%1k req/s</source>
        <translation>%1k req/s</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 req/s</translation>
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
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>fehlerhaft</translation>
    </message>
</context>
<context>
    <name>MoveNodesCommand</name>
    <message>
        <source>Move node</source>
        <translation>Knoten verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n nodes</source>
        <translation>
            <numerusform>%n Knoten verschieben</numerusform>
            <numerusform>%n Knoten verschieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>%1 does not run in this version yet: Start skips this node.</source>
        <translation>%1 läuft in dieser Version noch nicht: Start überspringt diesen Knoten.</translation>
    </message>
    <message>
        <source>not in this version</source>
        <translation>nicht in dieser Version</translation>
    </message>
</context>
<context>
    <name>PictureExport</name>
    <message>
        <source>There is nothing to export.</source>
        <translation>Es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>InfraLab topology</source>
        <translation>InfraLab-Topologie</translation>
    </message>
    <message>
        <source>Export Selection as Picture</source>
        <translation>Auswahl als Bild exportieren</translation>
    </message>
    <message>
        <source>Export Picture</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
    </message>
</context>
<context>
    <name>RemoveItemsCommand</name>
    <message>
        <source>Remove link</source>
        <translation>Verknüpfung entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n items</source>
        <translation>
            <numerusform>%n Element entfernen</numerusform>
            <numerusform>%n Elemente entfernen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoveLinkCommand</name>
    <message>
        <source>Unlink %1 from %2</source>
        <translation>%1 von %2 trennen</translation>
    </message>
</context>
<context>
    <name>RenameNodeCommand</name>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
</context>
<context>
    <name>SetLinkConfigCommand</name>
    <message>
        <source>Reset %1 of %2 → %3</source>
        <translation>%1 von %2 → %3 zurücksetzen</translation>
    </message>
    <message>
        <source>Set %1 of %2 → %3</source>
        <translation>%1 von %2 → %3 setzen</translation>
    </message>
    <message numerus="yes">
        <source>Reset %1 of %n links</source>
        <translation>
            <numerusform>%1 von %n Verknüpfung zurücksetzen</numerusform>
            <numerusform>%1 von %n Verknüpfungen zurücksetzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set %1 of %n links</source>
        <translation>
            <numerusform>%1 von %n Verknüpfung setzen</numerusform>
            <numerusform>%1 von %n Verknüpfungen setzen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetNodeConfigCommand</name>
    <message>
        <source>Reset %1 of %2</source>
        <translation>%1 von %2 zurücksetzen</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>%1 von %2 setzen</translation>
    </message>
    <message numerus="yes">
        <source>Reset %1 of %n nodes</source>
        <translation>
            <numerusform>%1 von %n Knoten zurücksetzen</numerusform>
            <numerusform>%1 von %n Knoten zurücksetzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set %1 of %n nodes</source>
        <translation>
            <numerusform>%1 von %n Knoten setzen</numerusform>
            <numerusform>%1 von %n Knoten setzen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetNodeDescriptionCommand</name>
    <message>
        <source>Describe %1</source>
        <translation>Beschreibung von %1 ändern</translation>
    </message>
</context>
<context>
    <name>TierLayout</name>
    <message>
        <source>Arrange by tier</source>
        <translation>Nach Schichten anordnen</translation>
    </message>
</context>
<context>
    <name>TopologyFragment</name>
    <message>
        <source>The clipboard holds no topology: %1</source>
        <translation>Die Zwischenablage enthält keine Topologie: %1</translation>
    </message>
    <message>
        <source>The clipboard holds no nodes.</source>
        <translation>Die Zwischenablage enthält keine Knoten.</translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <source>Mixed values</source>
        <translation>Unterschiedliche Werte</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
</context>
<context>
    <name>WebServer</name>
    <message>
        <source>%1 folder %2 does not exist.</source>
        <translation>%1: Der Ordner %2 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 %2 is not a folder.</source>
        <translation>%1: %2 ist kein Ordner.</translation>
    </message>
    <message>
        <source>%1 folder %2 cannot be read.</source>
        <translation>%1: Der Ordner %2 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>index must be a file name without &apos;/&apos;.</source>
        <translation>index muss ein Dateiname ohne &apos;/&apos; sein.</translation>
    </message>
</context>
<context>
    <name>infralab::CommandLine</name>
    <message>
        <source>&apos;%1&apos; must come first: infralab %1 ...</source>
        <translation>&apos;%1&apos; muss zuerst stehen: infralab %1 ...</translation>
    </message>
    <message>
        <source>Only one FILE can be opened; unexpected &apos;%1&apos;.</source>
        <translation>Es kann nur eine Datei (FILE) geöffnet werden; unerwartet: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source> (in a later version)</source>
        <translation> (in einer späteren Version)</translation>
    </message>
    <message>
        <source>cannot open the window: there is no display (DISPLAY and WAYLAND_DISPLAY are not set).</source>
        <translation>Das Fenster kann nicht geöffnet werden: Es gibt keine Anzeige (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt).</translation>
    </message>
    <message>
        <source>Without a display, InfraLab works from the command line:
  infralab validate %1
      check the topology file
  infralab run %1
      start the topology headless%2
  QT_QPA_PLATFORM=offscreen infralab %1
      run the window without showing it (for tests and scripts)
  xvfb-run infralab %1
      show the window on a virtual X server
</source>
        <translation>Ohne Anzeige arbeitet InfraLab über die Kommandozeile:
  infralab validate %1
      die Topologiedatei prüfen
  infralab run %1
      die Topologie ohne Fenster starten%2
  QT_QPA_PLATFORM=offscreen infralab %1
      das Fenster ausführen, ohne es anzuzeigen (für Tests und Skripte)
  xvfb-run infralab %1
      das Fenster auf einem virtuellen X-Server anzeigen
</translation>
    </message>
    <message>
        <source>InfraLab, a desktop lab for web infrastructure: design a topology of web
servers, proxies, balancers, databases and caches, then run it for real on
127.0.0.1. Without a COMMAND, opens the window, on FILE if given.</source>
        <translation>InfraLab, ein Desktop-Labor für Web-Infrastruktur: Entwerfen Sie eine Topologie
aus Webservern, Proxys, Load Balancern, Datenbanken und Caches und führen Sie
sie real auf 127.0.0.1 aus. Ohne COMMAND öffnet sich das Fenster, ggf. mit FILE.</translation>
    </message>
    <message>
        <source>Topology file (*.infralab.json) to open in the window.</source>
        <translation>Topologiedatei (*.infralab.json), die im Fenster geöffnet wird.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run &apos;infralab COMMAND --help&apos; for the options of a command.

Exit status:
  0  success
  1  failure: an invalid or unreadable file, no display for the window,
     or a command that is not available in this version yet
  2  usage error: unknown option, missing or extra argument
</source>
        <translation>&apos;infralab COMMAND --help&apos; zeigt die Optionen eines Befehls.

Exit-Status:
  0  Erfolg
  1  Fehler: eine ungültige oder nicht lesbare Datei, keine Anzeige für das
     Fenster oder ein Befehl, der in dieser Version noch nicht verfügbar ist
  2  Aufruffehler: unbekannte Option, fehlendes oder überzähliges Argument
</translation>
    </message>
    <message>
        <source>Usage: infralab [options] [FILE]
       infralab COMMAND [ARGUMENTS...]</source>
        <translation>Aufruf: infralab [Optionen] [FILE]
        infralab COMMAND [ARGUMENTE...]</translation>
    </message>
    <message>
        <source>Try &apos;%1&apos; for more information.</source>
        <translation>&apos;%1&apos; liefert weitere Informationen.</translation>
    </message>
</context>
<context>
    <name>infralab::ConfigForm</name>
    <message>
        <source>Default: %1</source>
        <translation>Standardwert: %1</translation>
    </message>
    <message>
        <source>Reset to the default (%1)</source>
        <translation>Auf den Standardwert zurücksetzen (%1)</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>%1 zurücksetzen</translation>
    </message>
    <message>
        <source>%1 (not applied)</source>
        <translation>%1 (nicht übernommen)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>label (unit)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>infralab::DashboardDock</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>req/s</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation>Aktive Verbindungen</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Freeze the charts; the lab keeps recording</source>
        <translation>Diagramme einfrieren; das Labor zeichnet weiter auf</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <source>Latency: no node</source>
        <translation>Latenz: kein Knoten</translation>
    </message>
    <message>
        <source>Latency of %1:</source>
        <translation>Latenz von %1:</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>Labor</translation>
    </message>
    <message>
        <source>Client errors per second (traffic generators)</source>
        <translation>Client-Fehler pro Sekunde (Lastgeneratoren)</translation>
    </message>
    <message>
        <source>Errors per second of %1</source>
        <translation>Fehler pro Sekunde von %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Per node:</source>
        <translation>Je Knoten:</translation>
    </message>
    <message>
        <source>  %1: %2 %3</source>
        <translation>  %1: %2 %3</translation>
    </message>
    <message>
        <source>%1 (charted)</source>
        <translation>%1 (im Diagramm)</translation>
    </message>
</context>
<context>
    <name>infralab::Document</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>infralab::EditActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles au&amp;swählen</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>In Ansicht ein&amp;passen</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>Am &amp;Raster ausrichten</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n node(s)</source>
        <translation>
            <numerusform>%n Knoten kopiert</numerusform>
            <numerusform>%n Knoten kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Ausschneiden</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message numerus="yes">
        <source>Added %n node(s)</source>
        <translation>
            <numerusform>%n Knoten eingefügt</numerusform>
            <numerusform>%n Knoten eingefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
</context>
<context>
    <name>infralab::EventsDock</name>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>Alle Knoten</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
</context>
<context>
    <name>infralab::EventsModel</name>
    <message>
        <source>(lab)</source>
        <translation>(Labor)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>infralab::FileActions</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>New topology</source>
        <translation>Neue Topologie</translation>
    </message>
    <message>
        <source>Open Topology</source>
        <translation>Topologie öffnen</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Opened %1 with a warning: %2</source>
        <translation>%1 mit einer Warnung geöffnet: %2</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 with %n warnings. First: %2</source>
        <translation>
            <numerusform>%1 mit %n Warnung geöffnet. Erste: %2</numerusform>
            <numerusform>%1 mit %n Warnungen geöffnet. Erste: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <source>Save Topology As</source>
        <translation>Topologie speichern unter</translation>
    </message>
    <message>
        <source>Save Failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not save %1.</source>
        <translation>%1 konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>Die Datei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>%1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes.</source>
        <translation>%1 enthält ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>Möchten Sie sie speichern?</translation>
    </message>
    <message>
        <source>InfraLab topologies (*.infralab.json);;JSON files (*.json);;All files (*)</source>
        <translation>InfraLab-Topologien (*.infralab.json);;JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… und %n weiterer.</numerusform>
            <numerusform>… und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could Not Open Topology</source>
        <translation>Topologie konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>%1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>an untitled topology</source>
        <translation>einer unbenannten Topologie</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes?</source>
        <translation>Ungesicherte Änderungen wiederherstellen?</translation>
    </message>
    <message>
        <source>InfraLab did not close normally. Unsaved changes to %1 from %2 can be recovered.</source>
        <translation>InfraLab wurde nicht normal beendet. Ungesicherte Änderungen an %1 vom %2 können wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Recover them now, discard them, or decide at the next start.</source>
        <translation>Stellen Sie sie jetzt wieder her, verwerfen Sie sie oder entscheiden Sie beim nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Discarded the recovered changes</source>
        <translation>Wiederhergestellte Änderungen verworfen</translation>
    </message>
    <message>
        <source>Recovery Failed</source>
        <translation>Wiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The unsaved changes could not be recovered.</source>
        <translation>Die ungesicherten Änderungen konnten nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Recovered unsaved changes to %1</source>
        <translation>Ungesicherte Änderungen an %1 wiederhergestellt</translation>
    </message>
    <message>
        <source>%1

The recovery file is kept at %2.</source>
        <translation>%1

Die Wiederherstellungsdatei bleibt unter %2 erhalten.</translation>
    </message>
    <message>
        <source>Recovery failed; the recovery file is kept at %1</source>
        <translation>Wiederherstellung fehlgeschlagen; die Wiederherstellungsdatei bleibt unter %1 erhalten</translation>
    </message>
    <message>
        <source>%1 with 1 problem — see Problems</source>
        <translation>%1 mit 1 Problem – siehe „Probleme“</translation>
    </message>
    <message numerus="yes">
        <source>%1 with %n problems — see Problems</source>
        <translation>
            <numerusform>%1 mit %n Problem – siehe „Probleme“</numerusform>
            <numerusform>%1 mit %n Problemen – siehe „Probleme“</numerusform>
        </translation>
    </message>
    <message>
        <source>a new topology</source>
        <translation>eine neue Topologie</translation>
    </message>
    <message>
        <source>No examples</source>
        <translation>Keine Beispiele</translation>
    </message>
    <message>
        <source>Opened the example “%1”; Save As… keeps a copy</source>
        <translation>Beispiel „%1“ geöffnet; Speichern unter… behält eine Kopie</translation>
    </message>
    <message>
        <source>Stop the Lab?</source>
        <translation>Labor anhalten?</translation>
    </message>
    <message>
        <source>Stop the lab and open %1?</source>
        <translation>Das Labor anhalten und %1 öffnen?</translation>
    </message>
    <message>
        <source>The running lab belongs to %1. Its nodes stop, callers first, and its events, statistics and charts are cleared.</source>
        <translation>Das laufende Labor gehört zu %1. Seine Knoten halten an, Aufrufer zuerst, und seine Ereignisse, Statistiken und Diagramme werden geleert.</translation>
    </message>
    <message>
        <source>&amp;Stop Lab</source>
        <translation>Labor &amp;anhalten</translation>
    </message>
    <message>
        <source>The lab did not stop in time; %1 was not opened</source>
        <translation>Das Labor hielt nicht rechtzeitig an; %1 wurde nicht geöffnet</translation>
    </message>
</context>
<context>
    <name>infralab::HistoryDock</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
</context>
<context>
    <name>infralab::InspectorDock</name>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Select a node or a link to see its settings.</source>
        <translation>Wählen Sie einen Knoten oder eine Verknüpfung aus, um die Einstellungen zu sehen.</translation>
    </message>
    <message>
        <source>Nodes and links are selected. Select only nodes or only links to edit their settings.</source>
        <translation>Knoten und Verknüpfungen sind ausgewählt. Wählen Sie nur Knoten oder nur Verknüpfungen aus, um ihre Einstellungen zu bearbeiten.</translation>
    </message>
    <message>
        <source>Nodes of different kinds are selected. Select nodes of one kind to edit them together.</source>
        <translation>Knoten verschiedener Arten sind ausgewählt. Wählen Sie Knoten einer Art aus, um sie gemeinsam zu bearbeiten.</translation>
    </message>
    <message>
        <source>Links from different kinds of nodes are selected. Select links whose callers are of one kind to edit them together.</source>
        <translation>Verknüpfungen von Knoten verschiedener Arten sind ausgewählt. Wählen Sie Verknüpfungen, deren Aufrufer von einer Art sind, um sie gemeinsam zu bearbeiten.</translation>
    </message>
    <message>
        <source>%1 is not a kind this version knows; its settings are kept as they are.</source>
        <translation>%1 ist keine Art, die diese Version kennt; die Einstellungen bleiben unverändert erhalten.</translation>
    </message>
    <message>
        <source>Link settings</source>
        <translation>Verknüpfungseinstellungen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>What this node is for</source>
        <translation>Wofür dieser Knoten da ist</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n links</source>
        <translation>
            <numerusform>%n Verknüpfung</numerusform>
            <numerusform>%n Verknüpfungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Links from this kind of node (%1) have no settings.</source>
        <translation>Verknüpfungen von dieser Knotenart (%1) haben keine Einstellungen.</translation>
    </message>
    <message>
        <source>Caller: %1</source>
        <translation>Aufrufer: %1</translation>
    </message>
</context>
<context>
    <name>infralab::ListEditor</name>
    <message>
        <source>Mixed values: an edit replaces the list in every selected item.</source>
        <translation>Unterschiedliche Werte: Eine Änderung ersetzt die Liste in allen ausgewählten Elementen.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Add a request</source>
        <translation>Anfrage hinzufügen</translation>
    </message>
    <message>
        <source>Add an entry</source>
        <translation>Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected rows</source>
        <translation>Ausgewählte Zeilen entfernen</translation>
    </message>
</context>
<context>
    <name>infralab::LiveChart</name>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>%1 at %2: %3 %4</source>
        <translation>%1 um %2: %3 %4</translation>
    </message>
</context>
<context>
    <name>infralab::LiveDocks</name>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Control API: %1</source>
        <translation>Steuerschnittstelle: %1</translation>
    </message>
    <message>
        <source>The control API could not start: %1</source>
        <translation>Die Steuerschnittstelle konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>%1 failed to start: %2</source>
        <translation>%1 konnte nicht starten: %2</translation>
    </message>
</context>
<context>
    <name>infralab::LiveEditSync</name>
    <message>
        <source>Edits not applied: fix the errors in the Problems dock first.</source>
        <translation>Änderungen nicht übernommen: Beheben Sie zuerst die Fehler im Bereich „Probleme“.</translation>
    </message>
    <message>
        <source>Edits applied to the running lab.</source>
        <translation>Änderungen in das laufende Labor übernommen.</translation>
    </message>
    <message>
        <source>edited, not applied</source>
        <translation>bearbeitet, nicht übernommen</translation>
    </message>
</context>
<context>
    <name>infralab::LiveOverlay</name>
    <message>
        <source>restarted to apply</source>
        <translation>zum Übernehmen neu gestartet</translation>
    </message>
    <message>
        <source>applied live</source>
        <translation>live übernommen</translation>
    </message>
    <message>
        <source>%1 req/s now · %2 requests · %3 errors (%4%)</source>
        <translation>aktuell %1 req/s · %2 Anfragen · %3 Fehler (%4%)</translation>
    </message>
    <message>
        <source>latency, last second: p50 %1 · p95 %2 · p99 %3</source>
        <translation>Latenz, letzte Sekunde: p50 %1 · p95 %2 · p99 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n active connection(s)</source>
        <translation>
            <numerusform>%n aktive Verbindung</numerusform>
            <numerusform>%n aktive Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <source>sending %1 req/s · %2 requests done</source>
        <translation>sendet %1 req/s · %2 Anfragen erledigt</translation>
    </message>
    <message>
        <source>%1 → %2: %3 req/s, %4% errors</source>
        <translation>%1 → %2: %3 req/s, %4% Fehler</translation>
    </message>
    <message>
        <source>counted by %1</source>
        <translation>gezählt von %1</translation>
    </message>
    <message>
        <source>estimated from %1&apos;s rate</source>
        <translation>geschätzt aus der Rate von %1</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1% of its answers failed in the last %2 s</source>
        <translation>%1 % seiner Antworten schlugen in den letzten %2 s fehl</translation>
    </message>
</context>
<context>
    <name>infralab::MainWindow</name>
    <message>
        <source>1 node</source>
        <translation>1 Knoten</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message>
        <source>1 link</source>
        <translation>1 Verknüpfung</translation>
    </message>
    <message numerus="yes">
        <source>%n links</source>
        <translation>
            <numerusform>%n Verknüpfung</numerusform>
            <numerusform>%n Verknüpfungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>node count, link count</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About InfraLab</source>
        <translation>Ü&amp;ber InfraLab</translation>
    </message>
    <message>
        <source>%1[*] — InfraLab</source>
        <translation>%1[*] — InfraLab</translation>
    </message>
    <message>
        <source>About InfraLab</source>
        <translation>Über InfraLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;InfraLab %1&lt;/h3&gt;&lt;p&gt;A desktop lab for web infrastructure: real web servers, proxies, balancers, databases and caches on 127.0.0.1.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;InfraLab %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Labor für Web-Infrastruktur: echte Webserver, Proxys, Load Balancer, Datenbanken und Caches auf 127.0.0.1.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, ausgeführt mit Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>&amp;Anordnen</translation>
    </message>
    <message>
        <source>Arrange by &amp;Tier</source>
        <translation>Nach &amp;Schichten anordnen</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>&amp;Fenster</translation>
    </message>
    <message>
        <source>Export &amp;Picture…</source>
        <translation>&amp;Bild exportieren…</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>Open &amp;Example</source>
        <translation>&amp;Beispiel öffnen</translation>
    </message>
    <message>
        <source>Canvas &amp;Gestures…</source>
        <translation>&amp;Gesten auf der Zeichenfläche…</translation>
    </message>
    <message>
        <source>How to add and link nodes, select, pan and zoom</source>
        <translation>Wie man Knoten hinzufügt und verbindet, auswählt, verschiebt und zoomt</translation>
    </message>
    <message>
        <source>Canvas Gestures</source>
        <translation>Gesten auf der Zeichenfläche</translation>
    </message>
    <message>
        <source>Lab running: 1 node</source>
        <translation>Labor läuft: 1 Knoten</translation>
    </message>
    <message numerus="yes">
        <source>Lab running: %n nodes</source>
        <translation>
            <numerusform>Labor läuft: %n Knoten</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Lab running: %1 of %2 nodes</source>
        <translation>Labor läuft: %1 von %2 Knoten</translation>
    </message>
    <message>
        <source>; 1 failed to start — see Problems</source>
        <translation>; 1 konnte nicht starten — siehe Probleme</translation>
    </message>
    <message numerus="yes">
        <source>; %n failed to start — see Problems</source>
        <translation>
            <numerusform>; %n konnten nicht starten — siehe Probleme</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; 1 does not run in this version</source>
        <translation>; 1 läuft in dieser Version nicht</translation>
    </message>
    <message numerus="yes">
        <source>; %n do not run in this version</source>
        <translation>
            <numerusform>; %n laufen in dieser Version nicht</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1. Window › Dashboard shows the charts.</source>
        <translation>%1. Fenster › Dashboard zeigt die Diagramme.</translation>
    </message>
    <message>
        <source>Lab stopped</source>
        <translation>Labor angehalten</translation>
    </message>
    <message>
        <source>No topology yet.
Drag a component from the palette, or open a ready-made lab with File › Open Example.</source>
        <translation>Noch keine Topologie.
Ziehen Sie eine Komponente aus der Palette, oder öffnen Sie ein fertiges Lab mit Datei › Beispiel öffnen.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Canvas gestures&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Link two nodes:&lt;/b&gt; hover the calling card; a round arrow handle appears on its right edge and the cursor turns into a cross near the card&apos;s border. Drag from the handle, or from anywhere along the border, onto the card it should call and let go. A target the caller may not call turns red and the status bar says why.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Add a node:&lt;/b&gt; drag a kind from the Palette onto the canvas, or double-click it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Select:&lt;/b&gt; click a card or link, Ctrl-click for more, or drag a rubber band on the empty canvas. Arrow keys move the selection, Delete removes it, F2 renames.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Pan and zoom:&lt;/b&gt; drag with the middle button or with Space held; the wheel zooms around the cursor; Ctrl+Shift+F fits the topology.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Run:&lt;/b&gt; F5 starts the lab, Shift+F5 stops it; right-click a card to start, stop or restart it alone.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gesten auf der Zeichenfläche&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Zwei Knoten verbinden:&lt;/b&gt; Zeigen Sie auf die aufrufende Karte; an ihrem rechten Rand erscheint ein runder Pfeilgriff, und nahe am Rand der Karte wird der Zeiger zum Kreuz. Ziehen Sie vom Griff oder von einer beliebigen Stelle des Randes auf die Karte, die sie aufrufen soll, und lassen Sie los. Ein Ziel, das der Aufrufer nicht aufrufen darf, wird rot, und die Statusleiste sagt warum.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Knoten hinzufügen:&lt;/b&gt; Ziehen Sie eine Art aus der Palette auf die Zeichenfläche oder doppelklicken Sie sie.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Auswählen:&lt;/b&gt; Klicken Sie auf eine Karte oder Verbindung, Strg-Klick für weitere, oder ziehen Sie ein Auswahlrechteck auf der leeren Fläche. Pfeiltasten verschieben die Auswahl, Entf entfernt sie, F2 benennt um.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Verschieben und zoomen:&lt;/b&gt; Ziehen Sie mit der mittleren Maustaste oder bei gedrückter Leertaste; das Mausrad zoomt um den Zeiger; Strg+Umschalt+F zeigt die ganze Topologie.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ausführen:&lt;/b&gt; F5 startet das Labor, Umschalt+F5 hält es an; ein Rechtsklick auf eine Karte startet, stoppt oder startet sie einzeln neu.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>infralab::NodeDetailDock</name>
    <message>
        <source>Node Detail</source>
        <translation>Knotendetails</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Zugriffslog</translation>
    </message>
    <message>
        <source>Filter (path, status, client…)</source>
        <translation>Filter (Pfad, Status, Client…)</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>Kein Knoten ausgewählt</translation>
    </message>
    <message>
        <source>Select one node on the canvas to see it here.</source>
        <translation>Wählen Sie einen Knoten auf der Arbeitsfläche aus, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>The lab is not running.</source>
        <translation>Das Labor läuft nicht.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; now · %2 requests · %3 failures</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; aktuell · %2 Anfragen · %3 Fehler</translation>
    </message>
    <message>
        <source>Last second: p50 %1 · p95 %2 · p99 %3</source>
        <translation>Letzte Sekunde: p50 %1 · p95 %2 · p99 %3</translation>
    </message>
    <message>
        <source>Since start: median %1 · p99 %2 · max %3</source>
        <translation>Seit dem Start: Median %1 · p99 %2 · max. %3</translation>
    </message>
    <message>
        <source>%1 active connections · %2 bytes in · %3 bytes out</source>
        <translation>%1 aktive Verbindungen · %2 Bytes empfangen · %3 Bytes gesendet</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppt…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not run: its kind does not run in this version</source>
        <translation>Nicht gestartet: seine Art läuft in dieser Version nicht</translation>
    </message>
    <message>
        <source>%1 requests sent while it ran</source>
        <translation>%1 Anfragen gesendet, solange er lief</translation>
    </message>
    <message>
        <source>%1 requests served, %2 failures while it ran</source>
        <translation>%1 Anfragen beantwortet, %2 Fehler, solange er lief</translation>
    </message>
    <message>
        <source>%1 measured</source>
        <translation>%1 gemessen</translation>
    </message>
    <message>
        <source>not sending</source>
        <translation>sendet nicht</translation>
    </message>
</context>
<context>
    <name>infralab::OverviewView</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Übersicht: klicken oder ziehen, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>infralab::PaletteDock</name>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Filter components</source>
        <translation>Komponenten filtern</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>Edge</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Rechnen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>%1 (coming)</source>
        <translation>%1 (kommt noch)</translation>
    </message>
    <message>
        <source>Does not run in this version yet: you can design with it, and Start skips it.</source>
        <translation>Läuft in dieser Version noch nicht: Sie können damit entwerfen, Start überspringt es.</translation>
    </message>
</context>
<context>
    <name>infralab::PathEditor</name>
    <message>
        <source>Choose a folder or a file</source>
        <translation>Ordner oder Datei auswählen</translation>
    </message>
    <message>
        <source>Choose &amp;Folder…</source>
        <translation>&amp;Ordner auswählen…</translation>
    </message>
    <message>
        <source>Choose F&amp;ile…</source>
        <translation>&amp;Datei auswählen…</translation>
    </message>
    <message>
        <source>Choose Folder for %1</source>
        <translation>Ordner für %1 auswählen</translation>
    </message>
    <message>
        <source>Choose File for %1</source>
        <translation>Datei für %1 auswählen</translation>
    </message>
</context>
<context>
    <name>infralab::PlannedCommand</name>
    <message>
        <source>Write nginx, HAProxy, compose, Kubernetes or Kong configuration.</source>
        <translation>Konfiguration für nginx, HAProxy, compose, Kubernetes oder Kong schreiben.</translation>
    </message>
    <message>
        <source>%1 Not available yet.</source>
        <translation>%1 Noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not available in this version yet.</source>
        <translation>&apos;%1&apos; ist in dieser Version noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Use &apos;infralab validate FILE&apos; to check a topology, or open it in the window with &apos;infralab FILE&apos;.</source>
        <translation>Mit &apos;infralab validate FILE&apos; prüfen Sie eine Topologie, mit &apos;infralab FILE&apos; öffnen Sie sie im Fenster.</translation>
    </message>
</context>
<context>
    <name>infralab::PreferencesDialog</name>
    <message>
        <source>Serve the control API while the window is open</source>
        <translation>Steuerschnittstelle anbieten, solange das Fenster geöffnet ist</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>one per core (%1)</source>
        <translation>einer pro Kern (%1)</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> pro Sekunde</translation>
    </message>
    <message>
        <source>Control API</source>
        <translation>Steuerschnittstelle</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Network threads:</source>
        <translation>Netzwerk-Threads:</translation>
    </message>
    <message>
        <source>Chart refresh:</source>
        <translation>Diagrammaktualisierung:</translation>
    </message>
    <message>
        <source>The thread count applies at the next start.</source>
        <translation>Die Thread-Anzahl gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>not listening: %1</source>
        <translation>lauscht nicht: %1</translation>
    </message>
    <message>
        <source>%1 (try %1/api/v1/nodes)</source>
        <translation>%1 (probieren Sie %1/api/v1/nodes)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>infralab::ProblemsDock</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
</context>
<context>
    <name>infralab::RecentFiles</name>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>file name — folders that tell it apart</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>infralab::RunActions</name>
    <message>
        <source>&amp;Start Lab</source>
        <translation>Labor &amp;starten</translation>
    </message>
    <message>
        <source>S&amp;top Lab</source>
        <translation>Labor an&amp;halten</translation>
    </message>
    <message>
        <source>Apply Edits &amp;Live</source>
        <translation>Änderungen &amp;live übernehmen</translation>
    </message>
    <message>
        <source>&amp;Apply Edits Now</source>
        <translation>Änderungen &amp;jetzt übernehmen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Start every node, callees first (F5)</source>
        <translation>Alle Knoten starten, aufgerufene Knoten zuerst (F5)</translation>
    </message>
    <message>
        <source>Stop every node, callers first, after their requests drain (Shift+F5)</source>
        <translation>Alle Knoten anhalten, Aufrufer zuerst, sobald ihre Anfragen abgearbeitet sind (Umschalt+F5)</translation>
    </message>
    <message>
        <source>Edits made while the lab runs go to the running nodes at once</source>
        <translation>Änderungen bei laufendem Labor gehen sofort an die laufenden Knoten</translation>
    </message>
    <message>
        <source>Nothing to start: the topology has no nodes.</source>
        <translation>Nichts zu starten: Die Topologie hat keine Knoten.</translation>
    </message>
    <message>
        <source>Stopping the lab, callers first…</source>
        <translation>Labor wird angehalten, Aufrufer zuerst…</translation>
    </message>
    <message>
        <source>Start Node</source>
        <translation>Knoten starten</translation>
    </message>
    <message>
        <source>Stop Node</source>
        <translation>Knoten anhalten</translation>
    </message>
    <message>
        <source>Restart Node</source>
        <translation>Knoten neu starten</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Not started: fix %1 first (see Problems).</source>
        <translation>Nicht gestartet: Beheben Sie zuerst %1 (siehe „Probleme“).</translation>
    </message>
    <message numerus="yes">
        <source>Not started: fix the %n errors listed in Problems first, starting with %1.</source>
        <translation>
            <numerusform>Nicht gestartet: Beheben Sie zuerst den %n unter „Probleme“ aufgeführten Fehler, beginnend mit %1.</numerusform>
            <numerusform>Nicht gestartet: Beheben Sie zuerst die %n unter „Probleme“ aufgeführten Fehler, beginnend mit %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting 1 node…</source>
        <translation>1 Knoten wird gestartet…</translation>
    </message>
    <message numerus="yes">
        <source>Starting %n nodes…</source>
        <translation>
            <numerusform>%n Knoten werden gestartet…</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>infralab::RunCommand</name>
    <message>
        <source>Start every node of a topology headless; stop on SIGINT/SIGTERM.</source>
        <translation>Alle Knoten einer Topologie ohne Fenster starten; bei SIGINT/SIGTERM anhalten.</translation>
    </message>
    <message>
        <source>Stop by itself after S seconds (0: run until stopped).</source>
        <translation>Nach S Sekunden von selbst anhalten (0: bis zum Anhalten laufen).</translation>
    </message>
    <message>
        <source>Network threads (default: one per processor core).</source>
        <translation>Netzwerk-Threads (Standard: einer pro Prozessorkern).</translation>
    </message>
    <message>
        <source>Topology file (*.infralab.json).</source>
        <translation>Topologiedatei (*.infralab.json).</translation>
    </message>
    <message>
        <source>run: no FILE given.</source>
        <translation>run: FILE fehlt.</translation>
    </message>
    <message>
        <source>run: only one FILE can be run; unexpected &apos;%1&apos;.</source>
        <translation>run: Es kann nur eine Datei (FILE) ausgeführt werden; unerwartet: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>run: --duration must be a number of seconds from 0 to %1; got &apos;%2&apos;.</source>
        <translation>run: --duration muss eine Sekundenzahl von 0 bis %1 sein; erhalten: &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>run: --threads must be a whole number from 1 to %1; got &apos;%2&apos;.</source>
        <translation>run: --threads muss eine ganze Zahl von 1 bis %1 sein; erhalten: &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>%1: %2 nodes are not implemented yet; skipped</source>
        <translation>%1: Knoten vom Typ %2 sind noch nicht implementiert; übersprungen</translation>
    </message>
    <message>
        <source>%1 was not started; nothing is left running.</source>
        <translation>%1 wurde nicht gestartet; es läuft nichts mehr.</translation>
    </message>
    <message>
        <source>Usage: infralab run FILE [--duration S] [--threads N] [--control PORT] [--report FILE]</source>
        <translation>Aufruf: infralab run FILE [--duration S] [--threads N] [--control PORT] [--report FILE]</translation>
    </message>
    <message>
        <source>Starts every node of a topology file on 127.0.0.1 without a window, callees
before callers. Prints &apos;&lt;id&gt; &lt;kind&gt; &lt;url&gt;&apos; for each listening node, then &apos;ready&apos;.
Runs until SIGINT or SIGTERM (or the duration), drains the connections and
exits. Nodes of kinds this version cannot run yet are reported and skipped.
With --control, the control API (docs/control-api.md) listens on
127.0.0.1:PORT and &apos;control &lt;url&gt;&apos; is printed before &apos;ready&apos;.

Exit status: 0 after a clean stop; 1 when the file is invalid or a node cannot
start (nothing is then left running); 2 on usage errors.</source>
        <translation>Startet alle Knoten einer Topologiedatei ohne Fenster auf 127.0.0.1, aufgerufene
Knoten vor ihren Aufrufern. Gibt für jeden lauschenden Knoten &apos;&lt;id&gt; &lt;kind&gt; &lt;url&gt;&apos;
aus, danach &apos;ready&apos;. Läuft bis SIGINT oder SIGTERM (oder bis die Dauer um ist),
lässt die Verbindungen auslaufen und beendet sich. Knoten von Typen, die diese
Version noch nicht ausführen kann, werden gemeldet und übersprungen.
Mit --control lauscht die Steuerschnittstelle (docs/control-api.md) auf
127.0.0.1:PORT, und vor &apos;ready&apos; wird &apos;control &lt;url&gt;&apos; ausgegeben.

Exit-Status: 0 nach sauberem Anhalten; 1, wenn die Datei ungültig ist oder ein
Knoten nicht starten kann (dann läuft nichts mehr); 2 bei Aufruffehlern.</translation>
    </message>
    <message>
        <source>Serve the control API (HTTP/JSON, Prometheus /metrics) on 127.0.0.1:PORT (0: a free port).</source>
        <translation>Die Steuerschnittstelle (HTTP/JSON, Prometheus /metrics) auf 127.0.0.1:PORT anbieten (0: ein freier Port).</translation>
    </message>
    <message>
        <source>When the run ends, write it as JSON to FILE (per node totals, generator summaries, per-second series).</source>
        <translation>Am Ende des Laufs diesen als JSON nach FILE schreiben (Summen je Knoten, Zusammenfassungen der Lastgeneratoren, Zeitreihen je Sekunde).</translation>
    </message>
    <message>
        <source>run: --control must be a port from 0 to 65535; got &apos;%1&apos;.</source>
        <translation>run: --control muss ein Port von 0 bis 65535 sein; angegeben: &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>run: --report needs a FILE.</source>
        <translation>run: --report braucht eine Datei (FILE).</translation>
    </message>
    <message>
        <source>control API: %1</source>
        <translation>Steuerschnittstelle: %1</translation>
    </message>
    <message>
        <source>--report: cannot write %1: %2</source>
        <translation>--report: %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>infralab::StatisticsDock</name>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Export Series…</source>
        <translation>Zeitreihen exportieren…</translation>
    </message>
    <message>
        <source>Export Time Series</source>
        <translation>Zeitreihen exportieren</translation>
    </message>
    <message>
        <source>Export Statistics</source>
        <translation>Statistik exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>infralab::StatisticsModel</name>
    <message>
        <source>%1 (traffic generator: what it sent)</source>
        <translation>%1 (Lastgenerator: was er gesendet hat)</translation>
    </message>
    <message>
        <source>%1 (what it served)</source>
        <translation>%1 (was er beantwortet hat)</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Median (ms)</source>
        <translation>Median (ms)</translation>
    </message>
    <message>
        <source>90%ile (ms)</source>
        <translation>90. Perzentil (ms)</translation>
    </message>
    <message>
        <source>99%ile (ms)</source>
        <translation>99. Perzentil (ms)</translation>
    </message>
    <message>
        <source>Average (ms)</source>
        <translation>Mittelwert (ms)</translation>
    </message>
    <message>
        <source>Min (ms)</source>
        <translation>Min. (ms)</translation>
    </message>
    <message>
        <source>Max (ms)</source>
        <translation>Max. (ms)</translation>
    </message>
    <message>
        <source>Current RPS</source>
        <translation>Aktuelle RPS</translation>
    </message>
    <message>
        <source>Failures/s</source>
        <translation>Fehler/s</translation>
    </message>
</context>
<context>
    <name>infralab::TopologyScene</name>
    <message>
        <source>To link two nodes, drag from a card&apos;s edge or its round handle onto the node it calls.</source>
        <translation>Um zwei Knoten zu verbinden, ziehen Sie vom Rand einer Karte oder ihrem runden Griff auf den Knoten, den sie aufruft.</translation>
    </message>
</context>
<context>
    <name>infralab::ValidateCommand</name>
    <message>
        <source>Check topology files; print one line per problem.</source>
        <translation>Topologiedateien prüfen; eine Zeile pro Problem ausgeben.</translation>
    </message>
    <message>
        <source>Usage: infralab validate FILE...</source>
        <translation>Aufruf: infralab validate FILE...</translation>
    </message>
    <message>
        <source>Reads and validates topology files (*.infralab.json) without opening a window.
Each problem is printed to stderr as &apos;FILE: json.path: message&apos;; warnings as
&apos;FILE: json.path: warning: message&apos;. Nothing is printed when all files are valid.

Exit status: 0 when every file is valid (warnings allowed), 1 when any file has
an error or cannot be read, 2 on usage errors.</source>
        <translation>Liest und prüft Topologiedateien (*.infralab.json), ohne ein Fenster zu öffnen.
Jedes Problem wird auf stderr als &apos;FILE: json.path: message&apos; ausgegeben, Warnungen
als &apos;FILE: json.path: warning: message&apos;. Sind alle Dateien gültig, erscheint nichts.

Exit-Status: 0, wenn jede Datei gültig ist (Warnungen erlaubt), 1, wenn eine Datei
einen Fehler enthält oder nicht gelesen werden kann, 2 bei Aufruffehlern.</translation>
    </message>
    <message>
        <source>Topology files to check.</source>
        <translation>Zu prüfende Topologiedateien.</translation>
    </message>
    <message>
        <source>validate: no FILE given.</source>
        <translation>validate: FILE fehlt.</translation>
    </message>
</context>
<context>
    <name>infralab::loadbalancer::LoadBalancerComponent</name>
    <message>
        <source>Backends</source>
        <translation>Backends</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Letzter Check</translation>
    </message>
    <message>
        <source>%1 (%2 ms ago)</source>
        <translation>%1 (vor %2 ms)</translation>
    </message>
</context>
<context>
    <name>infralab::trafficgenerator::TrafficGeneratorComponent</name>
    <message>
        <source>Sending &lt;b&gt;%1&lt;/b&gt; · %2 requests · %3 in flight</source>
        <translation>Sendet &lt;b&gt;%1&lt;/b&gt; · %2 Anfragen · %3 laufend</translation>
    </message>
    <message>
        <source>Latency: p50 %1 · p90 %2 · p99 %3</source>
        <translation>Latenz: p50 %1 · p90 %2 · p99 %3</translation>
    </message>
    <message>
        <source>Success %1% · state %2</source>
        <translation>Erfolg %1% · Zustand %2</translation>
    </message>
</context>
</TS>
