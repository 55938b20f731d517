using System.Text;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;

namespace Zoo.Core.Tests.TestSupport;

/// <summary>Builds CGI requests and configurations the way a web server and main.cfg would supply them.</summary>
public static class TestRequests
{
    public static CgiRequest Get(string queryString, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["REQUEST_METHOD"] = "GET",
            ["QUERY_STRING"] = queryString,
        };
        foreach (var (name, value) in extra)
            environment[name] = value;
        return new CgiRequest(environment, RequestBody.Empty);
    }

    public static CgiRequest Post(string body, string queryString = "")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var environment = new Dictionary<string, string>
        {
            ["REQUEST_METHOD"] = "POST",
            ["QUERY_STRING"] = queryString,
            ["CONTENT_TYPE"] = "text/xml",
            ["CONTENT_LENGTH"] = bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new CgiRequest(environment, bytes);
    }

    public static CgiRequest WithEnvironment(params (string Name, string Value)[] variables) =>
        new(variables.ToDictionary(v => v.Name, v => v.Value), RequestBody.Empty);

    public static MainConfig Config(string text, string path = "/srv/zoo/main.cfg") =>
        new(IniDocument.Parse(text, path), path);

    /// <summary>ZOO's main.cfg.in as the examples in zoo-examples were produced with.</summary>
    public const string ExampleMainCfg = """
        [main]
        encoding = utf-8
        version = 1.0.0
        serverAddress = http://localhost/cgi-bin/zoo_loader.cgi
        language = en-US
        lang = fr-FR,en-CA,en-US
        tmpPath=/var/zoo/tmp
        tmpUrl = http://localhost/temp/
        dataPath = /var/zoo/data
        cacheDir = /var/zoo/cache

        [identification]
        title = The ZOO-Project OGC WPS Development Server
        abstract = Development version of ZOO-Project OGC WPS. See http://www.zoo-project.org
        fees = None
        accessConstraints = none
        keywords = WPS,GIS,buffer

        [provider]
        providerName=ZOO-Project
        providerSite=http://www.zoo-project.org
        individualName=Gerald FENOY
        positionName=Developer
        role=Dev
        addressDeliveryPoint=1280, avenue des Platanes
        addressCity=Lattes
        addressAdministrativeArea=False
        addressPostalCode=34970
        addressCountry=fr
        addressElectronicMailAddress=gerald.fenoy@geolabs.fr
        phoneVoice=False
        phoneFacsimile=False
        """;
}
