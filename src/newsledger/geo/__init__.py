"""Offline geoparsing: a GeoNames gazetteer, toponym resolution in context, and toponym candidates in a Doc."""
