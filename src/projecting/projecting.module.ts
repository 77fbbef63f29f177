// The read models' own admin methods.
import { Module } from '@nestjs/common';
import { ProjectionRebuildMethod, ProjectionStatusMethod } from './api/projection-methods';

@Module({ providers: [ProjectionStatusMethod, ProjectionRebuildMethod] })
export class ProjectingModule {}
