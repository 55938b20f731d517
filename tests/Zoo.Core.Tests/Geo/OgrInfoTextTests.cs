using Zoo.Core.Geo;

namespace Zoo.Core.Tests.Geo;

/// <summary>OgrInfoText on what ogrinfo -ro -so -al -nomd (GDAL 3.6.2) printed for small files made with ogr2ogr.</summary>
public class OgrInfoTextTests
{
    /// <summary>A GeoPackage with a layer of 2 points (FID column fid) and a layer of 1 multi line string (FID column id), all at negative coordinates.</summary>
    private const string GeoPackage = """
        INFO: Open of `multi.gpkg'
              using driver `GPKG' successful.

        Layer name: points
        Geometry: Point
        Feature Count: 2
        Extent: (-3.500000, -40.250000) - (2.500000, -38.750000)
        Layer SRS WKT:
        GEOGCRS["WGS 84",
            ENSEMBLE["World Geodetic System 1984 ensemble",
                MEMBER["World Geodetic System 1984 (Transit)"],
                MEMBER["World Geodetic System 1984 (G730)"],
                MEMBER["World Geodetic System 1984 (G873)"],
                MEMBER["World Geodetic System 1984 (G1150)"],
                MEMBER["World Geodetic System 1984 (G1674)"],
                MEMBER["World Geodetic System 1984 (G1762)"],
                MEMBER["World Geodetic System 1984 (G2139)"],
                ELLIPSOID["WGS 84",6378137,298.257223563,
                    LENGTHUNIT["metre",1]],
                ENSEMBLEACCURACY[2.0]],
            PRIMEM["Greenwich",0,
                ANGLEUNIT["degree",0.0174532925199433]],
            CS[ellipsoidal,2],
                AXIS["geodetic latitude (Lat)",north,
                    ORDER[1],
                    ANGLEUNIT["degree",0.0174532925199433]],
                AXIS["geodetic longitude (Lon)",east,
                    ORDER[2],
                    ANGLEUNIT["degree",0.0174532925199433]],
            USAGE[
                SCOPE["Horizontal component of 3D system."],
                AREA["World."],
                BBOX[-90,-180,90,180]],
            ID["EPSG",4326]]
        Data axis to CRS axis mapping: 2,1
        FID Column = fid
        Geometry Column = geom
        name: String (0.0)
        pop: Integer (0.0)

        Layer name: roads
        Geometry: Multi Line String
        Feature Count: 1
        Extent: (-10.000000, -6.000000) - (-7.000000, -3.000000)
        Layer SRS WKT:
        GEOGCRS["WGS 84",
            ENSEMBLE["World Geodetic System 1984 ensemble",
                MEMBER["World Geodetic System 1984 (Transit)"],
                MEMBER["World Geodetic System 1984 (G730)"],
                MEMBER["World Geodetic System 1984 (G873)"],
                MEMBER["World Geodetic System 1984 (G1150)"],
                MEMBER["World Geodetic System 1984 (G1674)"],
                MEMBER["World Geodetic System 1984 (G1762)"],
                MEMBER["World Geodetic System 1984 (G2139)"],
                ELLIPSOID["WGS 84",6378137,298.257223563,
                    LENGTHUNIT["metre",1]],
                ENSEMBLEACCURACY[2.0]],
            PRIMEM["Greenwich",0,
                ANGLEUNIT["degree",0.0174532925199433]],
            CS[ellipsoidal,2],
                AXIS["geodetic latitude (Lat)",north,
                    ORDER[1],
                    ANGLEUNIT["degree",0.0174532925199433]],
                AXIS["geodetic longitude (Lon)",east,
                    ORDER[2],
                    ANGLEUNIT["degree",0.0174532925199433]],
            USAGE[
                SCOPE["Horizontal component of 3D system."],
                AREA["World."],
                BBOX[-90,-180,90,180]],
            ID["EPSG",4326]]
        Data axis to CRS axis mapping: 2,1
        FID Column = id
        Geometry Column = geom
        """;

    /// <summary>A GeoJSON of 2 points with the properties name and pop: no FID column.</summary>
    private const string GeoJson = """
        INFO: Open of `pts.geojson'
              using driver `GeoJSON' successful.

        Layer name: pts
        Geometry: Point
        Feature Count: 2
        Extent: (-3.500000, -40.250000) - (2.500000, -38.750000)
        Layer SRS WKT:
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
        Data axis to CRS axis mapping: 2,1
        name: String (0.0)
        pop: Integer (0.0)
        """;

    /// <summary>A CSV with a WKT polygon column: no SRS, geometry Unknown (any).</summary>
    private const string Csv = """
        INFO: Open of `nosrs.csv'
              using driver `CSV' successful.

        Layer name: nosrs
        Geometry: Unknown (any)
        Feature Count: 1
        Extent: (0.000000, 0.000000) - (10.000000, 5.000000)
        Layer SRS WKT:
        (unknown)
        WKT: String (0.0)
        label: String (0.0)
        """;

    /// <summary>A GeoJSON FeatureCollection without features: no extent, and no field.</summary>
    private const string Empty = """
        INFO: Open of `empty.geojson'
              using driver `GeoJSON' successful.

        Layer name: empty
        Geometry: Unknown (any)
        Feature Count: 0
        Layer SRS WKT:
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
        Data axis to CRS axis mapping: 2,1
        """;

    /// <summary>A GeoJSON point whose properties are named "Geometry" and "Layer name", as ogrinfo's own headers are.</summary>
    private const string FieldsNamedAsHeaders = """
        INFO: Open of `geomfield.geojson'
              using driver `GeoJSON' successful.

        Layer name: geomfield
        Geometry: Point
        Feature Count: 1
        Extent: (1.000000, 2.000000) - (1.000000, 2.000000)
        Layer SRS WKT:
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
        Data axis to CRS axis mapping: 2,1
        Geometry: String (0.0)
        Layer name: String (0.0)
        """;

    private static VectorLayer Single(string output) => OgrInfoText.Parse(output).Single();

    [Test]
    public void Every_layer_is_read_in_order()
    {
        Assert.That(OgrInfoText.Parse(GeoPackage).Select(l => l.Name), Is.EqualTo(new[] { "points", "roads" }));
    }

    [Test]
    public void The_geometry_type_is_OGRs_name_of_it()
    {
        Assert.That(OgrInfoText.Parse(GeoPackage).Select(l => l.GeometryType), Is.EqualTo(new[] { "Point", "Multi Line String" }));
    }

    [Test]
    public void An_unknown_geometry_type_is_OGRs_Unknown_any()
    {
        Assert.That(Single(Csv).GeometryType, Is.EqualTo("Unknown (any)"));
    }

    [Test]
    public void Each_layer_has_its_feature_count()
    {
        Assert.That(OgrInfoText.Parse(GeoPackage).Select(l => l.FeatureCount), Is.EqualTo(new[] { 2L, 1L }));
    }

    [Test]
    public void A_feature_count_of_minus_one_is_kept_as_unknown()
    {
        Assert.That(Single("Layer name: osm\nGeometry: Point\nFeature Count: -1\n").FeatureCount, Is.EqualTo(-1));
    }

    [Test]
    public void A_layer_without_a_feature_count_line_has_an_unknown_count()
    {
        Assert.That(Single("Layer name: x\nGeometry: Point\n").FeatureCount, Is.EqualTo(-1));
    }

    [Test]
    public void A_field_named_Feature_Count_does_not_change_the_count()
    {
        Assert.That(Single("Layer name: x\nGeometry: Point\nFeature Count: 3\nFeature Count: Integer (0.0)\n").FeatureCount, Is.EqualTo(3));
    }

    [Test]
    public void Negative_extents_keep_their_signs()
    {
        Assert.That(OgrInfoText.Parse(GeoPackage).Select(l => l.Extent), Is.EqualTo(new[]
        {
            new Extent(-3.5, -40.25, 2.5, -38.75),
            new Extent(-10, -6, -7, -3),
        }));
    }

    [Test]
    public void Extents_with_exponents_are_read()
    {
        Assert.That(Single("Layer name: x\nExtent: (-1.5e+06, 2e-03) - (3E+06, 4.25)\n").Extent, Is.EqualTo(new Extent(-1.5e6, 0.002, 3e6, 4.25)));
    }

    [Test]
    public void A_layer_without_features_has_no_extent()
    {
        var layer = Single(Empty);

        Assert.That((layer.FeatureCount, layer.Extent), Is.EqualTo((0L, (Extent?)null)));
    }

    [Test]
    public void The_SRS_WKT_block_spanning_lines_gives_each_layer_its_CRS()
    {
        Assert.That(OgrInfoText.Parse(GeoPackage).Select(l => (l.Crs!.Code, l.Crs.IsGeographic)),
            Is.EqualTo(new[] { ("EPSG:4326", true), ("EPSG:4326", true) }));
    }

    [Test]
    public void The_SRS_WKT_block_is_the_CRSs_WKT()
    {
        Assert.That(Single(GeoJson).Crs!.Wkt, Does.StartWith("GEOGCRS[\"WGS 84\",\n    DATUM[").And.EndWith("    ID[\"EPSG\",4326]]"));
    }

    [Test]
    public void An_unknown_SRS_gives_no_CRS()
    {
        Assert.That(Single(Csv).Crs, Is.Null);
    }

    [Test]
    public void The_lines_after_an_unknown_SRS_are_still_read()
    {
        Assert.That(Single(Csv).IdField, Is.EqualTo("WKT"));
    }

    [Test]
    public void The_FID_column_is_the_id_field_rather_than_the_first_field()
    {
        Assert.That(OgrInfoText.Parse(GeoPackage).Select(l => l.IdField), Is.EqualTo(new[] { "fid", "id" }));
    }

    [Test]
    public void Without_a_FID_column_the_first_field_is_the_id_field()
    {
        Assert.That(Single(GeoJson).IdField, Is.EqualTo("name"));
    }

    [Test]
    public void A_layer_with_neither_FID_column_nor_field_has_no_id_field()
    {
        Assert.That(Single(Empty).IdField, Is.Null);
    }

    [Test]
    public void A_field_with_a_subtype_is_a_field()
    {
        Assert.That(Single("Layer name: x\nGeometry: Point\nFeature Count: 1\nflag: Integer(Boolean) (0.0)\n").IdField, Is.EqualTo("flag"));
    }

    [Test]
    public void What_comes_before_the_first_layer_is_ignored()
    {
        Assert.That(Single(GeoJson).Name, Is.EqualTo("pts"));
    }

    [Test]
    public void Carriage_returns_are_ignored()
    {
        var layer = Single("Layer name: x\r\nGeometry: Point\r\nFeature Count: 4\r\nFID Column = ogc_fid\r\n");

        Assert.That((layer.Name, layer.GeometryType, layer.FeatureCount, layer.IdField), Is.EqualTo(("x", "Point", 4L, "ogc_fid")));
    }

    [Test]
    public void An_answer_without_layers_has_none()
    {
        Assert.That(OgrInfoText.Parse("INFO: Open of `x'\n      using driver `GPKG' successful.\n"), Is.Empty);
    }

    // ogrinfo prints a field as "<name>: <type> (<width>.<precision>)": a field named as one of its headers
    // must not be taken for that header.

    [Test]
    public void A_field_named_Geometry_does_not_change_the_geometry_type()
    {
        Assert.That(OgrInfoText.Parse(FieldsNamedAsHeaders)[0].GeometryType, Is.EqualTo("Point"));
    }

    [Test]
    public void A_field_named_Layer_name_does_not_start_another_layer()
    {
        Assert.That(OgrInfoText.Parse(FieldsNamedAsHeaders).Select(l => l.Name), Is.EqualTo(new[] { "geomfield" }));
    }
}
