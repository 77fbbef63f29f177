// Hold rules: the adminapi methods and the reactor that applies a new rule to the queue.
import { Module } from '@nestjs/common';
import { HoldRuleAddMethod } from './holdrule-add.method';
import { HoldRuleListMethod } from './holdrule-list.method';
import { HoldRuleReactor } from './holdrule-reactor';
import { HoldRuleRemoveMethod } from './holdrule-remove.method';

@Module({
  providers: [HoldRuleListMethod, HoldRuleAddMethod, HoldRuleRemoveMethod, HoldRuleReactor],
  exports: [HoldRuleReactor],
})
export class HoldRulesModule {}
