using Zoo.Core.Geo;

namespace Zoo.Core.Tests.Geo;

/// <summary>WktCrs: the code and kind of a CRS from the WKT GDAL 3.6 prints (texts taken from gdalinfo and gdalsrsinfo).</summary>
public class WktCrsTests
{
    /// <summary>gdalinfo -json of a GeoTIFF in EPSG:32631: IDs on the base CRS, the method and every parameter, then the CRS's own.</summary>
    internal const string Utm31nWkt2 = """
        PROJCRS["WGS 84 / UTM zone 31N",
            BASEGEOGCRS["WGS 84",
                DATUM["World Geodetic System 1984",
                    ELLIPSOID["WGS 84",6378137,298.257223563,
                        LENGTHUNIT["metre",1]]],
                PRIMEM["Greenwich",0,
                    ANGLEUNIT["degree",0.0174532925199433]],
                ID["EPSG",4326]],
            CONVERSION["UTM zone 31N",
                METHOD["Transverse Mercator",
                    ID["EPSG",9807]],
                PARAMETER["Latitude of natural origin",0,
                    ANGLEUNIT["degree",0.0174532925199433],
                    ID["EPSG",8801]],
                PARAMETER["Longitude of natural origin",3,
                    ANGLEUNIT["degree",0.0174532925199433],
                    ID["EPSG",8802]],
                PARAMETER["Scale factor at natural origin",0.9996,
                    SCALEUNIT["unity",1],
                    ID["EPSG",8805]],
                PARAMETER["False easting",500000,
                    LENGTHUNIT["metre",1],
                    ID["EPSG",8806]],
                PARAMETER["False northing",0,
                    LENGTHUNIT["metre",1],
                    ID["EPSG",8807]]],
            CS[Cartesian,2],
                AXIS["(E)",east,
                    ORDER[1],
                    LENGTHUNIT["metre",1]],
                AXIS["(N)",north,
                    ORDER[2],
                    LENGTHUNIT["metre",1]],
            USAGE[
                SCOPE["Engineering survey, topographic mapping."],
                AREA["Between 0°E and 6°E, northern hemisphere between equator and 84°N, onshore and offshore. Algeria. Andorra. Belgium. Benin. Burkina Faso. Denmark - North Sea. France. Germany - North Sea. Ghana. Luxembourg. Mali. Netherlands. Niger. Nigeria. Norway. Spain. Togo. United Kingdom (UK) - North Sea."],
                BBOX[0,0,84,6]],
            ID["EPSG",32631]]
        """;

    /// <summary>gdalsrsinfo -o wkt1 EPSG:32631: AUTHORITY on the spheroid, datum, prime meridian, unit and GEOGCS too.</summary>
    private const string Utm31nWkt1 = """
        PROJCS["WGS 84 / UTM zone 31N",
            GEOGCS["WGS 84",
                DATUM["WGS_1984",
                    SPHEROID["WGS 84",6378137,298.257223563,
                        AUTHORITY["EPSG","7030"]],
                    AUTHORITY["EPSG","6326"]],
                PRIMEM["Greenwich",0,
                    AUTHORITY["EPSG","8901"]],
                UNIT["degree",0.0174532925199433,
                    AUTHORITY["EPSG","9122"]],
                AUTHORITY["EPSG","4326"]],
            PROJECTION["Transverse_Mercator"],
            PARAMETER["latitude_of_origin",0],
            PARAMETER["central_meridian",3],
            PARAMETER["scale_factor",0.9996],
            PARAMETER["false_easting",500000],
            PARAMETER["false_northing",0],
            UNIT["metre",1,
                AUTHORITY["EPSG","9001"]],
            AXIS["Easting",EAST],
            AXIS["Northing",NORTH],
            AUTHORITY["EPSG","32631"]]
        """;

    /// <summary>ogrinfo of a GeoJSON: WGS 84.</summary>
    internal const string Wgs84Wkt2 = """
        GEOGCRS["WGS 84",
            DATUM["World Geodetic System 1984",
                ELLIPSOID["WGS 84",6378137,298.257223563,
                    LENGTHUNIT["metre",1]]],
            PRIMEM["Greenwich",0,
                ANGLEUNIT["degree",0.0174532925199433]],
            CS[ellipsoidal,2],
                AXIS["geodetic latitude (Lat)",north,
                    ORDER[1],
                    ANGLEUNIT["degree",0.0174532925199433]],
                AXIS["geodetic longitude (Lon)",east,
                    ORDER[2],
                    ANGLEUNIT["degree",0.0174532925199433]],
            ID["EPSG",4326]]
        """;

    private const string Wgs84Wkt1 = """
        GEOGCS["WGS 84",
            DATUM["WGS_1984",
                SPHEROID["WGS 84",6378137,298.257223563,
                    AUTHORITY["EPSG","7030"]],
                AUTHORITY["EPSG","6326"]],
            PRIMEM["Greenwich",0,
                AUTHORITY["EPSG","8901"]],
            UNIT["degree",0.0174532925199433,
                AUTHORITY["EPSG","9122"]],
            AXIS["Latitude",NORTH],
            AXIS["Longitude",EAST],
            AUTHORITY["EPSG","4326"]]
        """;

    /// <summary>gdalsrsinfo -o wkt2 of "+proj=laea +lat_0=45 +lon_0=3 +ellps=WGS84": nested IDs only, none of its own.</summary>
    internal const string LaeaWithoutCode = """
        PROJCRS["unknown",
            BASEGEOGCRS["unknown",
                DATUM["Unknown based on WGS84 ellipsoid",
                    ELLIPSOID["WGS 84",6378137,298.257223563,
                        LENGTHUNIT["metre",1],
                        ID["EPSG",7030]]],
                PRIMEM["Greenwich",0,
                    ANGLEUNIT["degree",0.0174532925199433],
                    ID["EPSG",8901]]],
            CONVERSION["unknown",
                METHOD["Lambert Azimuthal Equal Area",
                    ID["EPSG",9820]],
                PARAMETER["Latitude of natural origin",45,
                    ANGLEUNIT["degree",0.0174532925199433],
                    ID["EPSG",8801]],
                PARAMETER["Longitude of natural origin",3,
                    ANGLEUNIT["degree",0.0174532925199433],
                    ID["EPSG",8802]],
                PARAMETER["False easting",0,
                    LENGTHUNIT["metre",1],
                    ID["EPSG",8806]],
                PARAMETER["False northing",0,
                    LENGTHUNIT["metre",1],
                    ID["EPSG",8807]]],
            CS[Cartesian,2],
                AXIS["(E)",east,
                    ORDER[1],
                    LENGTHUNIT["metre",1,
                        ID["EPSG",9001]]],
                AXIS["(N)",north,
                    ORDER[2],
                    LENGTHUNIT["metre",1,
                        ID["EPSG",9001]]]]
        """;

    [Test]
    public void A_WKT2_projected_CRS_is_named_by_its_own_ID_not_by_those_of_its_base_CRS_or_parameters()
    {
        Assert.That(WktCrs.Read(Utm31nWkt2)!.Code, Is.EqualTo("EPSG:32631"));
    }

    [Test]
    public void A_WKT2_projected_CRS_is_not_geographic()
    {
        Assert.That(WktCrs.Read(Utm31nWkt2)!.IsGeographic, Is.False);
    }

    [Test]
    public void A_WKT1_PROJCS_is_named_by_its_top_level_AUTHORITY()
    {
        Assert.That(WktCrs.Read(Utm31nWkt1)!.Code, Is.EqualTo("EPSG:32631"));
    }

    [Test]
    public void A_WKT1_PROJCS_is_not_geographic()
    {
        Assert.That(WktCrs.Read(Utm31nWkt1)!.IsGeographic, Is.False);
    }

    [Test]
    public void A_WKT2_GEOGCRS_is_geographic_EPSG_4326()
    {
        var crs = WktCrs.Read(Wgs84Wkt2)!;

        Assert.That((crs.Code, crs.IsGeographic), Is.EqualTo(("EPSG:4326", true)));
    }

    [Test]
    public void A_WKT1_GEOGCS_is_geographic_EPSG_4326()
    {
        var crs = WktCrs.Read(Wgs84Wkt1)!;

        Assert.That((crs.Code, crs.IsGeographic), Is.EqualTo(("EPSG:4326", true)));
    }

    [Test]
    public void A_CRS_whose_only_IDs_are_nested_has_no_code()
    {
        var crs = WktCrs.Read(LaeaWithoutCode)!;

        Assert.That((crs.Code, crs.EpsgCode), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public void A_CRS_without_a_code_keeps_its_WKT_for_gdaltransform()
    {
        Assert.That(WktCrs.Read("\n  " + LaeaWithoutCode + "\n")!.Wkt, Is.EqualTo(LaeaWithoutCode));
    }

    [TestCase("""GEODCRS["x",DATUM["d",ELLIPSOID["e",6378137,298.257223563]],CS[ellipsoidal,2],ID["EPSG",4979]]""", true)]
    [TestCase("""GEODCRS["x",DATUM["d",ELLIPSOID["e",6378137,298.257223563]],CS[Cartesian,3],ID["EPSG",4978]]""", false)]
    [TestCase("""GEOGRAPHICCRS["x",DATUM["d",ELLIPSOID["e",6378137,298.257223563]],CS[ellipsoidal,2]]""", true)]
    [TestCase("""geogcrs["x",datum["d",ellipsoid["e",6378137,298.257223563]],cs[ellipsoidal,2],id["EPSG",4326]]""", true)]
    public void Only_a_geographic_root_or_an_ellipsoidal_geodetic_CRS_is_geographic(string wkt, bool geographic)
    {
        Assert.That(WktCrs.Read(wkt)!.IsGeographic, Is.EqualTo(geographic));
    }

    [Test]
    public void Brackets_inside_quoted_names_do_not_count()
    {
        const string wkt = """PROJCRS["odd ]] name [ (x",BASEGEOGCRS["b [[",ID["EPSG",4326]],CS[Cartesian,2],ID["EPSG",32631]]""";

        Assert.That(WktCrs.Read(wkt)!.Code, Is.EqualTo("EPSG:32631"));
    }

    [Test]
    public void An_ID_inside_a_name_with_doubled_quotes_is_not_read()
    {
        const string wkt = """GEOGCRS["say ""]],ID[""EPSG"",9999]"" here",CS[ellipsoidal,2],ID["EPSG",4326]]""";

        Assert.That(WktCrs.Read(wkt)!.Code, Is.EqualTo("EPSG:4326"));
    }

    [Test]
    public void A_name_that_only_quotes_an_ID_gives_no_code()
    {
        const string wkt = """PROJCRS["ID[""EPSG"",32631]",BASEGEOGCRS["b",ID["EPSG",4326]],CS[Cartesian,2]]""";

        Assert.That(WktCrs.Read(wkt)!.Code, Is.Null);
    }

    [Test]
    public void An_authority_in_lower_case_is_written_in_upper_case()
    {
        Assert.That(WktCrs.Read("""GEOGCRS["x",CS[ellipsoidal,2],ID["epsg",4326]]""")!.Code, Is.EqualTo("EPSG:4326"));
    }

    [Test]
    public void A_code_of_another_authority_is_kept_but_is_no_EPSG_code()
    {
        var crs = WktCrs.Read("""PROJCRS["World_Mollweide",BASEGEOGCRS["WGS 84",ID["EPSG",4326]],CS[Cartesian,2],ID["ESRI",54009]]""")!;

        Assert.That((crs.Code, crs.EpsgCode), Is.EqualTo(("ESRI:54009", (string?)null)));
    }

    [TestCase("""GEOGCRS["x",CS[ellipsoidal,2],ID["EPSG","4326 ; rm -rf"]]""")]
    [TestCase("""GEOGCRS["x",CS[ellipsoidal,2],ID["EP SG",4326]]""")]
    [TestCase("""GEOGCRS["x",CS[ellipsoidal,2],ID["EPSG"]]""")]
    public void An_ID_that_is_not_a_plain_authority_and_code_gives_no_code(string wkt)
    {
        Assert.That(WktCrs.Read(wkt)!.Code, Is.Null);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("EPSG:4326")]
    [TestCase("+proj=longlat +datum=WGS84 +no_defs")]
    [TestCase("(unknown)")]
    [TestCase("[GEOGCRS]")]
    [TestCase("""LOCAL CS["x"]""")]
    [TestCase("""GEOG_CRS["x"]""")]
    public void A_text_that_is_not_WKT_is_no_CRS(string? text)
    {
        Assert.That(WktCrs.Read(text), Is.Null);
    }
}
