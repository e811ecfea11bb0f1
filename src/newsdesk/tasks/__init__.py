"""Background task wrappers: each Task is a few lines calling one pipeline service.

``TasksConfig.ready`` registers them with ``newsdesk.pipeline.jobs``, which is
how the pipeline (below this layer) hands work on; `newsdesk worker` runs them.
"""
