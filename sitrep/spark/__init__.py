"""The line on Apache Spark: the same stages per partition, the corpus-wide parts as Spark joins.

``job`` is the entry point (``sitrep spark`` and ``spark-submit sitrep/spark/job.py``); ``readers`` turns
input files at any Hadoop path into Source records on the executors; ``rows`` runs the line per partition
and shapes the store's rows; ``corpus`` finds near-duplicates and incidents across the whole corpus;
``writers`` writes every table as Parquet partitioned by publication month. pyspark is imported only by
these modules, so the rest of sitrep runs without it.
"""
